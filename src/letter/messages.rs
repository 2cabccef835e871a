//! The letter's sentences in bokmål, nynorsk and English: every template in one place.
//! `{line}`, `{quote}`, `{message}`, `{title}`, `{field}`, `{name}` are filled in by
//! `letter::build`.

use super::Lang;

/// What a question is about; decides its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Arithmetic,
    ClaimMismatch,
    MissingData,
    Placeholder,
    Application,
    MissingField,
    NoVerdict,
}

pub struct Texts {
    pub title: &'static str,
    pub intro: &'static str,
    pub closing: &'static str,
    pub application: &'static str,
    pub no_heading: &'static str,
    pub line: &'static str,
    pub none: &'static str,
}

pub fn texts(lang: Lang) -> Texts {
    match lang {
        Lang::Nb => Texts {
            title: "Oppfølgingsspørsmål til {name}",
            intro: "Vi viser til {name}. Ved gjennomgangen har vi noen spørsmål, der vi ber om en redegjørelse eller korrigerte opplysninger. Henvisningene gjelder linjenummer i dokumentet.",
            closing: "Vi ber om svar på spørsmålene innen fristen som er avtalt. Ta gjerne kontakt dersom noe er uklart.\n\nMed vennlig hilsen",
            application: "Søknad: {title}",
            no_heading: "Innledning",
            line: "linje",
            none: "Gjennomgangen gir ingen spørsmål.",
        },
        Lang::Nn => Texts {
            title: "Oppfølgingsspørsmål til {name}",
            intro: "Vi viser til {name}. Ved gjennomgangen har vi nokre spørsmål, der vi ber om ei utgreiing eller retta opplysningar. Tilvisingane gjeld linjenummer i dokumentet.",
            closing: "Vi ber om svar på spørsmåla innan fristen som er avtalt. Ta gjerne kontakt dersom noko er uklart.\n\nMed venleg helsing",
            application: "Søknad: {title}",
            no_heading: "Innleiing",
            line: "linje",
            none: "Gjennomgangen gir ingen spørsmål.",
        },
        Lang::En => Texts {
            title: "Follow-up questions on {name}",
            intro: "We refer to {name}. Our review leaves some questions, on which we ask for an explanation or corrected information. References are to line numbers in the document.",
            closing: "We ask for your answers within the agreed deadline. Please contact us if anything is unclear.\n\nYours sincerely",
            application: "Application: {title}",
            no_heading: "Introduction",
            line: "line",
            none: "The review gives no questions.",
        },
    }
}

/// The sentence of a question.
pub fn question(lang: Lang, topic: Topic) -> &'static str {
    use Topic::*;
    match (lang, topic) {
        (Lang::Nb, Arithmetic) => "På linje {line} står det: «{quote}». {message} Vi ber om at tallene kontrolleres, og at riktige tall oppgis.",
        (Lang::Nb, ClaimMismatch) => "På linje {line} står det: «{quote}». {message} Vi ber om en redegjørelse for vurderingen.",
        (Lang::Nb, MissingData) => "På linje {line} står det: «{quote}». {message} Vi ber om tallene som vurderingen bygger på.",
        (Lang::Nb, Placeholder) => "På linje {line} står det: «{quote}». {message} Vi ber om at riktig opplysning oppgis.",
        (Lang::Nb, Application) => "I søknaden «{title}» står det på linje {line}: «{quote}». {message} Vi ber om en avklaring.",
        (Lang::Nb, MissingField) => "Søknaden «{title}» (linje {line}) oppgir ikke {field}. Vi ber om at dette opplyses.",
        (Lang::Nb, NoVerdict) => "På linje {line} står målet «{quote}», men rapporten sier ikke om det er nådd. Vi ber om en vurdering av måloppnåelsen.",
        (Lang::Nn, Arithmetic) => "På linje {line} står det: «{quote}». {message} Vi ber om at tala blir kontrollerte, og at rette tal blir oppgitt.",
        (Lang::Nn, ClaimMismatch) => "På linje {line} står det: «{quote}». {message} Vi ber om ei utgreiing av vurderinga.",
        (Lang::Nn, MissingData) => "På linje {line} står det: «{quote}». {message} Vi ber om tala som vurderinga byggjer på.",
        (Lang::Nn, Placeholder) => "På linje {line} står det: «{quote}». {message} Vi ber om at rett opplysning blir oppgitt.",
        (Lang::Nn, Application) => "I søknaden «{title}» står det på linje {line}: «{quote}». {message} Vi ber om ei avklaring.",
        (Lang::Nn, MissingField) => "Søknaden «{title}» (linje {line}) oppgir ikkje {field}. Vi ber om at dette blir opplyst.",
        (Lang::Nn, NoVerdict) => "På linje {line} står målet «{quote}», men rapporten seier ikkje om det er nådd. Vi ber om ei vurdering av måloppnåinga.",
        (Lang::En, Arithmetic) => "Line {line} reads: «{quote}». Our check found: {message} Please verify the figures and state the correct ones.",
        (Lang::En, ClaimMismatch) => "Line {line} reads: «{quote}». Our check found: {message} Please explain the assessment.",
        (Lang::En, MissingData) => "Line {line} reads: «{quote}». Our check found: {message} Please provide the figures behind the assessment.",
        (Lang::En, Placeholder) => "Line {line} reads: «{quote}». Our check found: {message} Please provide the missing information.",
        (Lang::En, Application) => "In the application «{title}», line {line} reads: «{quote}». Our check found: {message} Please clarify.",
        (Lang::En, MissingField) => "The application «{title}» (line {line}) does not state the {field}. Please provide it.",
        (Lang::En, NoVerdict) => "Line {line} sets the target «{quote}», but the report does not say whether it was met. Please give an assessment.",
    }
}
