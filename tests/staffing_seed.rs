//! Issue 4 on the real supplementary report: the command line reads the staffing table of seed
//! 000 (split by a page break) and reproduces every group's 2030 and 2040 need exactly.

use std::process::Command;

#[test]
fn project_reproduces_the_tables_needs() {
    let out = Command::new(env!("CARGO_BIN_EXE_meldingssjekk"))
        .args(["project", "--format", "json"])
        .arg(format!(
            "{}/examples/000_2a6fda8bf9662336.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let expected = [
        ("ANESTESISYKEPLEIER", 302.0, 321.0, 352.0),
        ("BARNESYKEPLEIER", 118.0, 127.0, 139.0),
        ("INTENSIVSYKEPLEIER", 687.0, 729.0, 808.0),
        ("OPERASJONSSYKEPLEIER", 441.0, 471.0, 512.0),
        ("KREFTSYKEPLEIER", 182.0, 196.0, 220.0),
        ("JORDMØDRE", 317.0, 323.0, 329.0),
    ];
    let groups = v["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 6);
    for (name, base, n2030, n2040) in expected {
        let g = groups
            .iter()
            .find(|g| g["name"] == name)
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(g["base"].as_f64(), Some(base));
        let need = |y: i64| {
            g["years"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["year"].as_i64() == Some(y))
                .unwrap()["need"]
                .as_f64()
                .unwrap()
        };
        assert!(
            (need(2030) - n2030).abs() < 1e-9,
            "{name} 2030: {}",
            need(2030)
        );
        assert!(
            (need(2040) - n2040).abs() < 1e-9,
            "{name} 2040: {}",
            need(2040)
        );
        assert!(g["years"][0]["supply"].is_null());
    }
}
