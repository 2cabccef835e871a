//! Staffing projections (bemanningsframskrivning).
