//! Care jargon, the plain words to use instead, and a fast finder for it.
//!
//! Children told Bexley "I am not involved in the plan for me, I don't really
//! understand it" and asked to be spoken to "in words I understand" (seed 002).
//! The plain-language check ([`crate::plain_language`]) uses [`find_terms`] to
//! flag jargon in a care plan before a child can see it; the child's view uses
//! [`explain`] to put a one-line explanation beside any term that has to stay.
//!
//! Matching rules, chosen so the editor can run them on every keystroke:
//! - case-insensitive and whole-word ("contact" never matches "contactless",
//!   "LAC" never matches "black"); the few spellings that are everyday words in
//!   lower case ("PEP" as in "pep talk", "MASH" as in "sausage and mash", "PA",
//!   "SEND") are listed in [`Term::exact_case`] and match only as written;
//! - a space or hyphen in a spelling matches a space, a run of spaces or line
//!   breaks, or one hyphen, so "looked after child" also finds "looked-after
//!   child"; a full stop may be followed by spaces ("s.20", "s. 20");
//! - a plain plural "s" is matched too ("IROs", "placements");
//! - leftmost, then longest match wins, so "LAC review" beats "LAC" and
//!   "interim care order" beats "care order";
//! - no regex crate (it would bloat the WASM build): a small hand-written
//!   scanner that looks up each word's first token in an index built once.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// One piece of care jargon. Static data compiled into the server and the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The usual way workers write it; also matched (case-insensitively unless
    /// it is listed in `exact_case`).
    pub term: &'static str,
    /// Other spellings and longer forms, matched case-insensitively.
    pub variants: &'static [&'static str],
    /// Spellings matched only in exactly this case, because in lower case they
    /// are everyday words.
    pub exact_case: &'static [&'static str],
    /// What the worker should write instead.
    pub plain: &'static str,
    /// One sentence a ten-year-old understands; shown beside kept terms.
    pub explanation: &'static str,
    /// The term may have to stay (a legal order or status, or the name of a
    /// person or entitlement the young person needs to know to ask for help).
    /// Kept terms pass the plain-language check but are listed so the child's
    /// view explains them.
    pub must_stay: bool,
    /// When the bare `term` follows one of these words it is ordinary English,
    /// not jargon ("you can contact me", "a work placement"). Lower case,
    /// apostrophes removed.
    pub unless_preceded_by: &'static [&'static str],
    /// When the bare `term` is followed by one of these words it is ordinary
    /// English ("contact details", "contact your IRO").
    pub unless_followed_by: &'static [&'static str],
}

/// A term found in a text, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermMatch {
    /// The glossary's name for the term, such as `LAC review`.
    pub term: String,
    /// The words as written in the text, such as `CLA Review`.
    pub matched: String,
    /// Byte offset where the match starts in the checked text.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// What to write instead.
    pub plain: String,
    /// One sentence a child understands.
    pub explanation: String,
    /// True when the term may stay (it is then explained to the child).
    pub must_stay: bool,
}

/// Builds a term with no exact-case spellings and no exceptions.
const fn t(
    term: &'static str,
    variants: &'static [&'static str],
    plain: &'static str,
    explanation: &'static str,
    must_stay: bool,
) -> Term {
    Term {
        term,
        variants,
        exact_case: &[],
        plain,
        explanation,
        must_stay,
        unless_preceded_by: &[],
        unless_followed_by: &[],
    }
}

/// Words before "contact" that make it the verb ("you can contact me").
const CONTACT_VERB_BEFORE: &[&str] = &[
    "to", "can", "could", "will", "would", "should", "must", "may", "might", "please", "shall",
    "not", "never", "youll", "well", "ill", "theyll", "shell", "hell", "in", "dont", "cant",
    "wont", "easily", "also", "always",
];

/// Words after "contact" that make it ordinary English ("contact details",
/// "contact your IRO").
const CONTACT_VERB_AFTER: &[&str] = &[
    "details", "detail", "number", "numbers", "lens", "lenses", "me", "us", "you", "them", "him",
    "her", "it", "my", "your", "his", "their", "our", "the", "a", "an", "someone", "anyone",
    "somebody", "anybody", "everyone", "any", "each", "this", "that", "these", "those",
];

static TERMS: &[Term] = &[
    // --- Being in care -------------------------------------------------
    t(
        "looked after child",
        &[
            "looked after children",
            "child looked after",
            "children looked after",
            "LAC",
            "CLA",
            "CiC",
            "LAC child",
            "LAC children",
        ],
        "child in care",
        "A looked after child is a child the council helps to look after, usually living away from their birth family.",
        false,
    ),
    t(
        "LAC review",
        &[
            "looked after child review",
            "looked after children review",
            "looked after review",
            "CLA review",
            "CiC review",
            "child in care review",
            "statutory review",
            "LAC review meeting",
            "CLA review meeting",
        ],
        "your review meeting",
        "A review meeting is when you and the people who help you meet to check how things are going and plan what is next.",
        false,
    ),
    Term {
        unless_preceded_by: CONTACT_VERB_BEFORE,
        unless_followed_by: CONTACT_VERB_AFTER,
        ..t(
            "contact",
            &[
                "family contact",
                "contact session",
                "contact time",
                "contact visit",
                "contact arrangement",
                "contact plan",
                "direct contact",
                "sibling contact",
                "contact centre",
            ],
            "family time",
            "Family time is when you see, call or message people from your family, like your mum, dad, brothers or sisters.",
            false,
        )
    },
    t(
        "supervised contact",
        &["supported contact", "supervised family time"],
        "family time with a worker there",
        "This means a worker stays with you while you see your family, to help everyone feel safe.",
        false,
    ),
    t(
        "indirect contact",
        &["letterbox contact", "letter box contact"],
        "letters and cards with your family",
        "This means keeping in touch with your family by sending letters, cards or photos instead of meeting.",
        false,
    ),
    Term {
        unless_preceded_by: &[
            "work", "school", "college", "university", "uni", "apprenticeship", "job", "training",
            "volunteering", "volunteer", "student", "teaching", "nursing", "industry", "hospital",
            "year", "summer", "internship", "sandwich", "clinical",
        ],
        ..t(
            "placement",
            &["care placement", "foster placement", "foster care placement", "current placement"],
            "your home",
            "A placement is the home where you live while you are in care, and the people who look after you there.",
            false,
        )
    },
    t(
        "placed with",
        &[],
        "living with",
        "Being placed with someone means the council has arranged for you to live with them.",
        false,
    ),
    t(
        "placement move",
        &[
            "change of placement",
            "placement change",
            "move of placement",
            "moving placement",
            "placement transition",
        ],
        "moving to a new home",
        "A move is when you leave one home and go to live in a new one.",
        false,
    ),
    t(
        "placement plan",
        &["placement agreement", "placement planning meeting", "placement information record"],
        "the plan for your home",
        "A placement plan says how your carers will look after you and what they can decide day to day.",
        false,
    ),
    Term {
        unless_preceded_by: &[
            "class", "classroom", "school", "lesson", "lessons", "cause", "caused", "causes",
            "causing", "any", "some", "without", "minimal", "little", "less", "minimum", "travel",
            "sleep", "much",
        ],
        unless_followed_by: &["to"],
        ..t(
            "disruption",
            &[
                "placement disruption",
                "placement breakdown",
                "breakdown of placement",
                "disruption meeting",
                "placement disrupted",
            ],
            "when a home stops working out",
            "This is when living in a home stops working out and a child has to move, which is never the child's fault.",
            false,
        )
    },
    t(
        "respite",
        &[
            "respite care",
            "respite carer",
            "respite placement",
            "respite foster care",
            "respite break",
        ],
        "a short stay with other carers",
        "Respite is a short stay with other carers, like a weekend away, so everyone gets a little break.",
        false,
    ),
    t(
        "kinship care",
        &[
            "kinship carer",
            "kinship placement",
            "kinship foster care",
            "connected person",
            "connected carer",
            "family and friends care",
            "family and friends carer",
            "family and friends foster carer",
        ],
        "living with family or friends",
        "Kinship care is when a relative or family friend looks after you instead of your parents.",
        false,
    ),
    t(
        "residential placement",
        &[
            "residential home",
            "residential care",
            "residential unit",
            "residential setting",
            "residential children's home",
        ],
        "a children's home",
        "A residential placement is a children's home, where a few young people live with staff who look after them.",
        false,
    ),
    t(
        "key worker",
        &["keyworker"],
        "the staff member who helps you most",
        "Your key worker is the member of staff who gets to know you best and helps you most where you live.",
        false,
    ),
    t(
        "reunification",
        &["reunification plan", "rehabilitation home", "return home plan"],
        "going back to live with your family",
        "Reunification means going back to live with your family when it is safe.",
        false,
    ),
    t(
        "permanence",
        &[
            "permanency",
            "permanence plan",
            "permanency plan",
            "permanence planning",
            "permanence panel",
        ],
        "a plan for where you will grow up",
        "Permanence means making a plan so you know where you will live and grow up, for good.",
        false,
    ),
    t(
        "twin-tracking",
        &[
            "twin-track",
            "twin-tracked",
            "twin-track planning",
            "parallel planning",
            "concurrent planning",
        ],
        "making two plans at the same time",
        "Twin-tracking means making two plans at the same time, so there is a backup if the first plan does not work.",
        false,
    ),
    t(
        "contingency plan",
        &["contingency planning"],
        "the backup plan",
        "A contingency plan is the backup plan, in case the main plan does not work out.",
        false,
    ),
    t(
        "life story work",
        &["life story worker"],
        "help to understand your story",
        "Life story work is time with a worker to help you understand your past, often making a book with photos.",
        false,
    ),
    t(
        "later life letter",
        &[],
        "a letter about your story for when you are older",
        "A later life letter is written for you to read when you are older, to explain your story.",
        false,
    ),
    t(
        "genogram",
        &[],
        "a family tree",
        "A genogram is a drawing, a bit like a family tree, that shows the people in your family.",
        false,
    ),
    t(
        "delegated authority",
        &["delegated authority form", "delegation of authority"],
        "what your carers can say yes to",
        "Delegated authority means your carers can say yes to everyday things, like sleepovers or haircuts, without asking the council.",
        false,
    ),
    // --- Plans, meetings and people ----------------------------------------
    t(
        "care plan",
        &["care planning"],
        "your plan",
        "Your care plan says where you live, who looks after you and what help you will get.",
        true,
    ),
    t(
        "IRO",
        &["independent reviewing officer", "reviewing officer", "IRO service"],
        "the person who runs your review meetings",
        "Your IRO is the person who runs your review meetings and checks your plan is right for you.",
        true,
    ),
    t(
        "statutory visit",
        &["stat visit", "statutory home visit", "statutory visiting"],
        "a visit from your social worker",
        "This is a visit your social worker must make to see you, check you are okay and hear what you think.",
        false,
    ),
    t(
        "allocated worker",
        &["allocated social worker", "allocated SW", "allocated practitioner"],
        "your social worker",
        "Your allocated worker is the social worker whose job it is to help you.",
        false,
    ),
    t(
        "allocation",
        &["reallocation", "re-allocation", "case allocation"],
        "choosing your social worker",
        "Allocation is when a manager chooses which social worker will work with you.",
        false,
    ),
    t(
        "allocated",
        &["reallocated", "re-allocated"],
        "given",
        "Allocated means given, like when you are given a new social worker.",
        false,
    ),
    t(
        "unallocated",
        &[],
        "waiting for a social worker",
        "Unallocated means there is no named social worker for you yet, but a manager is still keeping an eye on things.",
        false,
    ),
    Term {
        exact_case: &["SW"],
        ..t(
            "SW",
            &[],
            "your social worker",
            "SW is short for social worker.",
            false,
        )
    },
    Term {
        exact_case: &["YP", "CYP"],
        ..t(
            "YP",
            &[],
            "you",
            "YP is short for young person, which in your plan means you.",
            false,
        )
    },
    Term {
        exact_case: &["LA"],
        ..t(
            "local authority",
            &[],
            "the council",
            "The local authority is the council, the people in charge of services where you live.",
            false,
        )
    },
    t(
        "corporate parent",
        &["corporate parenting", "corporate parenting board"],
        "the council, which must care for you like a good parent",
        "Corporate parent means everyone at the council must care about you the way a good parent would.",
        false,
    ),
    t(
        "advocate",
        &["advocacy", "advocacy service", "independent advocate", "advocacy worker"],
        "someone who helps you have your say",
        "An advocate is someone who does not work for the council and helps you say what you want, especially in meetings.",
        true,
    ),
    t(
        "independent visitor",
        &["independent visiting", "independent visitor scheme"],
        "a volunteer who visits you and spends time with you",
        "An independent visitor is a volunteer who visits you to spend time with you and be a trusted friend.",
        true,
    ),
    Term {
        unless_preceded_by: &[
            "school", "reading", "maths", "math", "spelling", "phonics", "exam", "class",
            "classroom", "teacher", "sats", "english", "science", "course", "coursework",
            "college", "driving", "written", "online",
        ],
        ..t(
        "assessment",
        &[
            "single assessment",
            "needs assessment",
            "child and family assessment",
            "parenting assessment",
            "viability assessment",
            "connected person assessment",
            "connected persons assessment",
            "assessment of need",
            "risk assessment",
            "pathway needs assessment",
        ],
        "finding out what help you need",
        "An assessment is when a worker talks and listens to you and your family to work out what help is needed.",
        false,
    )
    },
    t(
        "family group conference",
        &["FGC", "family group meeting", "family network meeting"],
        "a family meeting to make a plan together",
        "A family group conference is a meeting where your family and friends make a plan together to help you.",
        false,
    ),
    Term {
        exact_case: &["CIN", "CiN", "CIN plan"],
        ..t(
            "child in need",
            &["children in need", "child in need plan"],
            "a child who gets extra help from the council",
            "A child in need is a child who gets extra help from the council to be safe and well.",
            false,
        )
    },
    // --- Courts and the law ---------------------------------------------
    t(
        "section 20",
        &[
            "s20",
            "s.20",
            "section 20 accommodation",
            "accommodated under section 20",
            "voluntary accommodation",
            "voluntarily accommodated",
        ],
        "in care because your parents agreed",
        "Section 20 means you are in care because your parents agreed to it, and they still share big decisions about you.",
        true,
    ),
    t(
        "section 31",
        &["s31", "s.31"],
        "a care order from a court",
        "Section 31 is the part of the law that lets a judge make a care order.",
        true,
    ),
    t(
        "care order",
        &["full care order", "final care order"],
        "a court decision about who looks after you",
        "A care order is when a judge decides the council should help look after you and share big decisions about you.",
        true,
    ),
    t(
        "interim care order",
        &["ICO", "interim order"],
        "a short-term court decision about who looks after you",
        "An interim care order is a short-term decision by a judge while the court works out what is best for you.",
        true,
    ),
    t(
        "emergency protection order",
        &["EPO"],
        "an emergency court order to keep you safe",
        "An emergency protection order lets the council keep you safe straight away when there is a big worry.",
        true,
    ),
    t(
        "placement order",
        &[],
        "a court order that lets the council plan for you to be adopted",
        "A placement order is when a judge says the council can find a family to adopt you.",
        true,
    ),
    t(
        "care proceedings",
        &["court proceedings", "proceedings"],
        "the court case about your care",
        "Care proceedings are when a judge looks at what is happening and decides what is best for you.",
        false,
    ),
    t(
        "PLO",
        &[
            "public law outline",
            "pre-proceedings",
            "pre-proceedings meeting",
            "PLO meeting",
            "letter before proceedings",
        ],
        "meetings to help your family before anyone goes to court",
        "The PLO is a set of steps where the council and your family try to sort things out without going to court.",
        false,
    ),
    t(
        "SGO",
        &["special guardianship order", "special guardianship", "special guardian", "SGO carer"],
        "a court order so someone you know can bring you up",
        "A special guardianship order lets someone, often a relative, bring you up until you are an adult.",
        true,
    ),
    t(
        "parental responsibility",
        &[],
        "the right to make big decisions about you",
        "Parental responsibility means having the right to make big decisions about a child, like where they go to school.",
        true,
    ),
    t(
        "children's guardian",
        &["child's guardian", "Cafcass guardian", "Cafcass", "guardian ad litem"],
        "the person who tells the court what is best for you",
        "A children's guardian works for the court and tells the judge what they think is best for you.",
        false,
    ),
    // --- Keeping children safe ---------------------------------------------
    t(
        "safeguarding",
        &[
            "safeguard",
            "safeguarded",
            "safeguarding concern",
            "safeguarding team",
        ],
        "keeping you safe",
        "Safeguarding means everything adults do to keep children safe from harm.",
        false,
    ),
    t(
        "strategy meeting",
        &["strategy discussion"],
        "a meeting about keeping you safe",
        "A strategy meeting is when workers, and sometimes the police, talk quickly about how to keep a child safe.",
        false,
    ),
    t(
        "section 47",
        &[
            "s47",
            "s.47",
            "section 47 enquiry",
            "section 47 enquiries",
            "child protection enquiry",
            "child protection enquiries",
            "child protection investigation",
        ],
        "checks to make sure you are safe",
        "Section 47 is the part of the law that says workers must check when they are worried a child might be harmed.",
        false,
    ),
    t(
        "child protection plan",
        &["CP plan", "CPP", "protection plan"],
        "a plan to keep you safe",
        "A child protection plan is a plan made by a group of people to keep a child safe from harm.",
        true,
    ),
    t(
        "child protection conference",
        &[
            "initial child protection conference",
            "review child protection conference",
            "ICPC",
            "RCPC",
            "CP conference",
            "case conference",
        ],
        "a big meeting about keeping you safe",
        "A child protection conference is a meeting where family and workers decide together how to keep a child safe.",
        false,
    ),
    t(
        "core group",
        &["core group meeting"],
        "a small group who meet to help keep you safe",
        "The core group is the small group of people, like your family and workers, who make the safety plan happen.",
        false,
    ),
    Term {
        exact_case: &["MASH"],
        ..t(
            "MASH",
            &["multi-agency safeguarding hub", "multiagency safeguarding hub"],
            "the team that first checks worries about a child",
            "The MASH is a team that looks at worries about a child and decides who should help.",
            false,
        )
    },
    t(
        "LADO",
        &["local authority designated officer", "designated officer"],
        "the person who checks worries about adults who work with children",
        "The LADO is the person who checks when someone is worried about how an adult who works with children has behaved.",
        false,
    ),
    t(
        "missing episode",
        &["missing from care", "missing from placement", "missing incident"],
        "a time when nobody knew where you were",
        "A missing episode is a time when you were away and the adults caring for you did not know where you were.",
        false,
    ),
    t(
        "return home interview",
        &["RHI", "return interview", "return to home interview", "return home conversation"],
        "a chat after you have been missing",
        "A return home interview is a chat with someone after you have been missing, to check you are safe and listen.",
        false,
    ),
    t(
        "UASC",
        &[
            "unaccompanied asylum-seeking child",
            "unaccompanied asylum-seeking children",
            "unaccompanied asylum-seeking young person",
            "unaccompanied minor",
        ],
        "a young person who came to the UK alone to be safe",
        "This means a child who came to the UK without a parent and has asked to stay here to be safe.",
        false,
    ),
    // --- Health ---------------------------------------------------------
    t(
        "CAMHS",
        &[
            "child and adolescent mental health service",
            "child and adolescent mental health services",
            "CYPMHS",
            "children and young people's mental health service",
            "children and young people's mental health services",
        ],
        "the team that helps with feelings and worries",
        "CAMHS is a team of people who help children and young people with their feelings, worries and mental health.",
        false,
    ),
    t(
        "SDQ",
        &["strengths and difficulties questionnaire", "SDQ score"],
        "some questions about how you are feeling",
        "The SDQ is a short set of questions that helps adults understand how you are feeling and coping.",
        false,
    ),
    t(
        "health assessment",
        &[
            "initial health assessment",
            "review health assessment",
            "statutory health assessment",
            "IHA",
            "RHA",
            "LAC medical",
            "CLA medical",
        ],
        "a health check-up",
        "A health assessment is a check-up with a nurse or doctor to see how you are growing and feeling.",
        false,
    ),
    // --- School ---------------------------------------------------------
    Term {
        exact_case: &["PEP", "PEP meeting", "PEP review"],
        ..t(
            "PEP",
            &["personal education plan", "personal education planning meeting", "ePEP"],
            "your school plan",
            "Your PEP is a plan that says how your school and carers will help you learn and do well.",
            false,
        )
    },
    t(
        "virtual school",
        &[
            "virtual school head",
            "virtual head",
            "virtual school headteacher",
            "virtual school team",
            "VSH",
        ],
        "the council team that helps children in care at school",
        "The virtual school is not a real school; it is a team that helps children in care do well in their own school.",
        false,
    ),
    t(
        "designated teacher",
        &[
            "designated teacher for looked after children",
            "designated teacher for children in care",
        ],
        "the teacher who makes sure you get the help you need at school",
        "The designated teacher is the teacher at your school whose job is to make sure children in care get the help they need.",
        false,
    ),
    t(
        "DSL",
        &["designated safeguarding lead"],
        "the teacher in charge of keeping children safe at school",
        "The DSL is the person at school who is in charge of keeping children safe.",
        false,
    ),
    Term {
        exact_case: &["PP+"],
        ..t(
            "Pupil Premium Plus",
            &["pupil premium plus grant", "pupil premium", "PP plus"],
            "extra money for your school to help you learn",
            "Pupil Premium Plus is extra money the government gives schools to help children in care do well.",
            false,
        )
    },
    t(
        "EHCP",
        &[
            "EHC plan",
            "education health and care plan",
            "education, health and care plan",
            "EHC needs assessment",
            "statement of special educational needs",
        ],
        "your plan for extra help with learning",
        "An EHCP is a plan that the law says must be followed, setting out the extra help you get with learning.",
        true,
    ),
    Term {
        exact_case: &["SEN", "SEND"],
        ..t(
            "SEN",
            &[
                "special educational needs",
                "special educational needs and disabilities",
                "SEN support",
            ],
            "extra help with learning",
            "SEN means a child needs extra help with learning, and that is okay.",
            false,
        )
    },
    t(
        "SENCO",
        &[
            "SENDCO",
            "special educational needs coordinator",
            "special educational needs co-ordinator",
        ],
        "the teacher who organises extra help with learning",
        "The SENCO is the teacher who organises extra help for children who find some learning hard.",
        false,
    ),
    t(
        "NEET",
        &[
            "not in education, employment or training",
            "not in education employment or training",
            "not in education, employment, or training",
            "not in employment, education or training",
        ],
        "not in school, college, training or work",
        "NEET describes a young person who is not at school, college, training or work right now.",
        false,
    ),
    // --- Growing up and leaving care ---------------------------------------
    t(
        "pathway plan",
        &["pathway planning", "pathway plan review", "pathway planning meeting"],
        "your plan for moving on to adult life",
        "Your pathway plan is your plan for growing up and moving on from care, made with you from age 16.",
        true,
    ),
    Term {
        exact_case: &["PA"],
        ..t(
            "personal adviser",
            &["personal advisor"],
            "the worker who helps you after care",
            "Your personal adviser, or PA, is the worker who helps you plan your life after care, until you are 25.",
            true,
        )
    },
    t(
        "leaving care",
        &["leaving care service", "leaving care team", "care leaving"],
        "moving on from care",
        "Leaving care is when you grow up and move on from being in care, with help until you are 25.",
        true,
    ),
    t(
        "care leaver",
        &[],
        "someone who has left care",
        "A care leaver is a young adult who was in care as a teenager and can get extra help until they are 25.",
        true,
    ),
    t(
        "local offer",
        &["local offer for care leavers", "local offer for young adults leaving care"],
        "the help the council promises to care leavers",
        "The local offer is a list of all the help and money the council promises to young people leaving care.",
        true,
    ),
    t(
        "staying put",
        &["stay put", "staying put arrangement", "staying put carer"],
        "staying with your foster carers after you turn 18",
        "Staying put means you can keep living with your foster carers after you turn 18, up to age 21.",
        true,
    ),
    t(
        "semi-independent",
        &[
            "semi-independent accommodation",
            "semi-independent living",
            "semi-independent placement",
            "semi-independence",
            "supported accommodation",
        ],
        "your own room or flat, with staff nearby to help",
        "Semi-independent means living more on your own, in a room or flat, with staff nearby to help you.",
        false,
    ),
    t(
        "supported lodgings",
        &[
            "supported lodging",
            "supported lodgings carer",
            "supported lodgings provider",
            "supported lodgings host",
        ],
        "a room in someone's home, with their help",
        "Supported lodgings means living in a room in someone's home, where they help you learn to live on your own.",
        false,
    ),
    t(
        "former relevant",
        &[
            "former relevant child",
            "former relevant children",
            "former relevant young person",
        ],
        "a care leaver aged 18 to 25",
        "This is the legal name for a young adult aged 18 to 25 who was in care as a teenager.",
        false,
    ),
    t(
        "eligible child",
        &["eligible children", "eligible young person", "eligible young people"],
        "a young person in care aged 16 or 17",
        "This is the legal name for someone aged 16 or 17 who has been in care for at least 13 weeks since turning 14.",
        false,
    ),
    t(
        "relevant child",
        &["relevant children", "relevant young person", "relevant young people"],
        "a young person of 16 or 17 who has left care",
        "This is the legal name for someone aged 16 or 17 who was in care but has now left.",
        false,
    ),
    t(
        "qualifying care leaver",
        &["qualifying young person"],
        "a young person who spent some time in care after 16",
        "This is the legal name for someone who was in care for a short time after turning 16 and can still get some help.",
        false,
    ),
];

/// Every glossary term, in a stable order.
pub fn terms() -> &'static [Term] {
    TERMS
}

/// Every term in `text`: leftmost first, longest wins, no overlaps. Spans are
/// byte offsets into `text`, ready for highlighting in the editor.
pub fn find_terms(text: &str) -> Vec<TermMatch> {
    let mut out = Vec::new();
    scan(text, |term, start, end| {
        out.push(TermMatch {
            term: term.term.to_owned(),
            matched: text.get(start..end).unwrap_or_default().to_owned(),
            start,
            end,
            plain: term.plain.to_owned(),
            explanation: term.explanation.to_owned(),
            must_stay: term.must_stay,
        });
    });
    out
}

/// The glossary entry for a term written any of the ways the glossary knows
/// ("CLA review", "lac review", "LAC Review" all give `LAC review`).
pub fn lookup(term: &str) -> Option<&'static Term> {
    let wanted = term.trim();
    if let Some(t) = TERMS.iter().find(|t| t.term.eq_ignore_ascii_case(wanted)) {
        return Some(t);
    }
    let mut found = None;
    scan(wanted, |t, start, end| {
        if found.is_none() && start == 0 && end == wanted.len() {
            found = Some(t);
        }
    });
    found
}

/// The one-sentence explanation of a term, for the child's view.
pub fn explain(term: &str) -> Option<&'static str> {
    lookup(term).map(|t| t.explanation)
}

// ---------------------------------------------------------------------------
// The scanner.

/// Longest first token (the leading ASCII letters and digits) of any
/// spelling; longer words in the text cannot start a match.
const MAX_KEY: usize = 24;

struct Pattern {
    text: &'static str,
    term: &'static Term,
    exact: bool,
    /// The bare `term` itself: only then do the exceptions apply.
    bare: bool,
}

/// Spellings grouped by their lower-cased first token, so each word of the
/// text costs one hash lookup.
struct Index {
    by_first: HashMap<String, Vec<Pattern>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

fn first_token(s: &str) -> String {
    s.bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

fn build_index() -> Index {
    let mut by_first: HashMap<String, Vec<Pattern>> = HashMap::new();
    for term in TERMS {
        let mut add = |text: &'static str, exact: bool, bare: bool| {
            let key = first_token(text);
            if key.is_empty() || key.len() > MAX_KEY {
                return;
            }
            by_first.entry(key).or_default().push(Pattern {
                text,
                term,
                exact,
                bare,
            });
        };
        if !term.exact_case.contains(&term.term) {
            add(term.term, false, true);
        }
        for v in term.variants {
            add(v, false, false);
        }
        for v in term.exact_case {
            add(v, true, *v == term.term);
        }
    }
    Index { by_first }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A match may start here: not inside a word, and not just after an
/// apostrophe inside a word (the "s" of "it's").
fn is_word_start(prev: Option<char>, prev2: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) if p.is_alphanumeric() => false,
        Some(p) if is_apostrophe(p) => !prev2.is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// Calls `on_match` for each leftmost-longest match.
fn scan(text: &str, mut on_match: impl FnMut(&'static Term, usize, usize)) {
    let idx = index();
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut resume_at = 0;
    for (i, c) in text.char_indices() {
        if i >= resume_at && c.is_ascii_alphanumeric() && is_word_start(prev, prev2) {
            let rest = bytes.get(i..).unwrap_or_default();
            let tok_len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if tok_len <= MAX_KEY {
                let mut buf = [0u8; MAX_KEY];
                for (d, s) in buf.iter_mut().zip(rest) {
                    *d = s.to_ascii_lowercase();
                }
                // A plural word ("IROs") is looked up without its "s" too.
                let singular_len = if tok_len > 1 && buf.get(tok_len - 1) == Some(&b's') {
                    tok_len - 1
                } else {
                    tok_len
                };
                let mut best: Option<(&'static Term, usize)> = None;
                for len in [tok_len, singular_len] {
                    let key = std::str::from_utf8(buf.get(..len).unwrap_or_default()).ok();
                    for p in key.and_then(|k| idx.by_first.get(k)).into_iter().flatten() {
                        if let Some(end) = match_pattern(text, i, p) {
                            if best.is_none_or(|(_, e)| end > e) {
                                best = Some((p.term, end));
                            }
                        }
                    }
                    if singular_len == tok_len {
                        break;
                    }
                }
                if let Some((term, end)) = best {
                    on_match(term, i, end);
                    resume_at = end;
                }
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
}

/// Whitespace a spelling's space may stand for, including a no-break space.
/// Returns the byte length of the whitespace at `at`, or 0.
fn space_len(t: &[u8], at: usize) -> usize {
    match t.get(at) {
        Some(b' ' | b'\t' | b'\n' | b'\r') => 1,
        Some(0xC2) if t.get(at + 1) == Some(&0xA0) => 2,
        _ => 0,
    }
}

fn skip_spaces(t: &[u8], mut at: usize) -> usize {
    loop {
        let n = space_len(t, at);
        if n == 0 {
            return at;
        }
        at += n;
    }
}

/// Matches one spelling at `start`; returns the end of the match (with any
/// plural "s"), checking word boundaries and the term's exceptions.
fn match_pattern(text: &str, start: usize, p: &Pattern) -> Option<usize> {
    let t = text.as_bytes();
    let pat = p.text.as_bytes();
    let mut ti = start;
    for &pc in pat {
        match pc {
            b' ' | b'-' => {
                if t.get(ti) == Some(&b'-') {
                    ti += 1;
                } else {
                    let next = skip_spaces(t, ti);
                    if next == ti {
                        return None;
                    }
                    ti = next;
                }
            }
            b'.' => {
                if t.get(ti) != Some(&b'.') {
                    return None;
                }
                ti = skip_spaces(t, ti + 1);
            }
            b'\'' => {
                if t.get(ti) == Some(&b'\'') {
                    ti += 1;
                } else if t.get(ti..ti + 3) == Some("\u{2019}".as_bytes()) {
                    ti += 3;
                } else {
                    return None;
                }
            }
            _ => {
                let tc = *t.get(ti)?;
                let same = if p.exact {
                    tc == pc
                } else {
                    tc.eq_ignore_ascii_case(&pc)
                };
                if !same {
                    return None;
                }
                ti += 1;
            }
        }
    }
    let mut end = ti;
    if !is_boundary(text, end) {
        // A plain plural: "IROs", "placements".
        let ends_in_letter = pat.last().is_some_and(u8::is_ascii_alphabetic);
        if ends_in_letter && matches!(t.get(end), Some(b's' | b'S')) && is_boundary(text, end + 1) {
            end += 1;
        } else {
            return None;
        }
    }
    if p.bare && is_exception(text, start, end, p.term) {
        return None;
    }
    Some(end)
}

/// No letter or digit at `at` (end of text counts).
fn is_boundary(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

fn is_exception(text: &str, start: usize, end: usize, term: &Term) -> bool {
    let listed =
        |word: Option<String>, list: &[&str]| word.is_some_and(|w| list.iter().any(|x| *x == w));
    (!term.unless_preceded_by.is_empty()
        && listed(word_before(text, start), term.unless_preceded_by))
        || (!term.unless_followed_by.is_empty()
            && listed(word_after(text, end), term.unless_followed_by))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c)
}

fn normalise_word(w: &str) -> String {
    w.chars()
        .filter(|c| !is_apostrophe(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The word just before `at`, separated from it only by spaces.
fn word_before(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map(|(i, _)| i)?;
    Some(normalise_word(trimmed.get(start..)?))
}

/// The word just after `at`, separated from it only by spaces.
fn word_after(text: &str, at: usize) -> Option<String> {
    let after = text.get(at..)?;
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() {
        return None;
    }
    let len: usize = trimmed
        .chars()
        .take_while(|c| is_word_char(*c))
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    Some(normalise_word(trimmed.get(..len)?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        find_terms(text)
            .into_iter()
            .map(|m| (m.term, m.matched))
            .collect()
    }

    fn terms_in(text: &str) -> Vec<String> {
        find_terms(text).into_iter().map(|m| m.term).collect()
    }

    #[test]
    fn glossary_has_enough_terms_and_the_required_ones() {
        assert!(terms().len() >= 45, "only {} terms", terms().len());
        let required = [
            "LAC",
            "CLA",
            "LAC review",
            "contact",
            "placement",
            "placement move",
            "PEP",
            "personal education plan",
            "IRO",
            "section 20",
            "section 31",
            "care order",
            "interim care order",
            "PLO",
            "public law outline",
            "pathway plan",
            "care plan",
            "personal adviser",
            "statutory visit",
            "respite",
            "CAMHS",
            "SDQ",
            "strategy meeting",
            "child protection plan",
            "core group",
            "MASH",
            "LADO",
            "SGO",
            "special guardianship order",
            "kinship care",
            "residential placement",
            "semi-independent",
            "supported lodgings",
            "staying put",
            "leaving care",
            "care leaver",
            "former relevant",
            "eligible child",
            "virtual school",
            "designated teacher",
            "Pupil Premium Plus",
            "EHCP",
            "placement plan",
            "delegated authority",
            "life story work",
            "permanence",
            "twin-tracking",
            "advocate",
            "independent visitor",
            "disruption",
            "NEET",
            "assessment",
            "allocation",
            "allocated worker",
            "safeguarding",
        ];
        for r in required {
            assert!(lookup(r).is_some(), "{r} is missing");
            assert!(explain(r).is_some());
        }
    }

    #[test]
    fn must_stay_flags_the_legal_terms() {
        for t in [
            "care order",
            "section 20",
            "pathway plan",
            "IRO",
            "section 31",
        ] {
            assert!(lookup(t).unwrap().must_stay, "{t}");
        }
        for t in ["LAC review", "contact", "placement", "PEP", "CAMHS"] {
            assert!(!lookup(t).unwrap().must_stay, "{t}");
        }
    }

    #[test]
    fn every_spelling_starts_with_a_letter_or_digit_and_is_indexed() {
        for t in terms() {
            let all = std::iter::once(&t.term)
                .chain(t.variants)
                .chain(t.exact_case);
            for s in all {
                let key = first_token(s);
                assert!(!key.is_empty() && key.len() <= MAX_KEY, "{s}");
            }
        }
    }

    #[test]
    fn every_spelling_finds_its_own_term() {
        for t in terms() {
            let all = std::iter::once(&t.term)
                .chain(t.variants)
                .chain(t.exact_case);
            for s in all {
                let text = format!("We talked about {s} today.");
                let m = find_terms(&text);
                assert_eq!(m.len(), 1, "{s}: {m:?}");
                assert_eq!(m[0].term, t.term, "{s}");
                assert_eq!(m[0].matched, *s);
            }
        }
    }

    #[test]
    fn swaps_are_themselves_plain() {
        for t in terms() {
            let bad: Vec<_> = find_terms(t.plain)
                .into_iter()
                .filter(|m| !m.must_stay)
                .collect();
            assert!(
                bad.is_empty(),
                "{}: swap {:?} has jargon {bad:?}",
                t.term,
                t.plain
            );
        }
    }

    #[test]
    fn explanations_are_one_short_sentence() {
        for t in terms() {
            let s = crate::plain_language::sentences(t.explanation);
            assert_eq!(s.len(), 1, "{}: {:?}", t.term, t.explanation);
            assert!(s[0].words <= 25, "{}: {} words", t.term, s[0].words);
            assert!(t.explanation.ends_with('.'));
        }
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            found("Your LAC review is on Monday."),
            vec![("LAC review".into(), "LAC review".into())]
        );
        assert_eq!(
            terms_in("an interim care order"),
            vec!["interim care order"]
        );
        assert_eq!(terms_in("a care order"), vec!["care order"]);
        assert_eq!(terms_in("She is LAC."), vec!["looked after child"]);
        assert_eq!(terms_in("the special guardianship order"), vec!["SGO"]);
        assert_eq!(terms_in("a twin-track plan"), vec!["twin-tracking"]);
    }

    #[test]
    fn spans_are_byte_offsets() {
        let text = "Café — your CLA review and contact.";
        let m = find_terms(text);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].start..m[0].end], "CLA review");
        assert_eq!(m[0].term, "LAC review");
        assert_eq!(&text[m[1].start..m[1].end], "contact");
        assert_eq!(m[1].plain, "family time");
    }

    #[test]
    fn whole_words_only() {
        assert!(find_terms("Pay with a contactless card.").is_empty());
        assert!(find_terms("A black cat and a lacquered box.").is_empty());
        assert!(find_terms("The pirouette was fun.").is_empty());
        assert!(find_terms("section 201 of some other act").is_empty());
        assert!(find_terms("It's 20 minutes away.").is_empty());
        assert_eq!(terms_in("(LAC)"), vec!["looked after child"]);
        assert_eq!(terms_in("\u{2018}LAC review\u{2019}"), vec!["LAC review"]);
    }

    #[test]
    fn case_insensitive_except_everyday_words() {
        assert_eq!(terms_in("your lac REVIEW"), vec!["LAC review"]);
        assert_eq!(terms_in("Your Iro will call."), vec!["IRO"]);
        assert_eq!(terms_in("Your PEP meeting"), vec!["PEP"]);
        assert!(find_terms("She gave me a pep talk.").is_empty());
        assert!(find_terms("We had sausage and mash.").is_empty());
        assert_eq!(terms_in("The MASH took the call."), vec!["MASH"]);
        assert!(find_terms("Please send a letter.").is_empty());
        assert_eq!(terms_in("Your PA will visit."), vec!["personal adviser"]);
    }

    #[test]
    fn spaces_hyphens_line_breaks_and_plurals() {
        assert_eq!(terms_in("a looked-after child"), vec!["looked after child"]);
        assert_eq!(terms_in("semi independent flat"), vec!["semi-independent"]);
        assert_eq!(terms_in("your LAC\n  review"), vec!["LAC review"]);
        assert_eq!(terms_in("under s. 20 of the Act"), vec!["section 20"]);
        assert_eq!(terms_in("under S20"), vec!["section 20"]);
        assert_eq!(
            terms_in("All IROs and placements"),
            vec!["IRO", "placement"]
        );
        assert_eq!(terms_in("the IRO's report"), vec!["IRO"]);
        assert_eq!(
            terms_in("children and young people\u{2019}s mental health services"),
            vec!["CAMHS"]
        );
    }

    #[test]
    fn ordinary_uses_are_not_jargon() {
        assert!(find_terms("You can contact your IRO at any time.")
            .iter()
            .all(|m| m.term != "contact"));
        assert!(find_terms("Her contact details are below.").is_empty());
        assert!(find_terms("Please contact me.").is_empty());
        assert!(find_terms("I'll contact the school.").is_empty());
        assert_eq!(
            terms_in("Contact with your mum is on Fridays."),
            vec!["contact"]
        );
        assert_eq!(
            terms_in("Your contact will be at the centre."),
            vec!["contact"]
        );
        assert!(find_terms("She starts a work placement in June.").is_empty());
        assert_eq!(terms_in("Your placement is going well."), vec!["placement"]);
        assert!(find_terms("He caused disruption in class.").is_empty());
        assert!(find_terms("a school assessment in maths").is_empty());
    }

    #[test]
    fn lookup_and_explain_accept_any_spelling() {
        assert_eq!(lookup("CLA review").map(|t| t.term), Some("LAC review"));
        assert_eq!(lookup("  lac review ").map(|t| t.term), Some("LAC review"));
        assert_eq!(lookup("pep").map(|t| t.term), Some("PEP"));
        assert_eq!(
            lookup("Independent Reviewing Officer").map(|t| t.term),
            Some("IRO")
        );
        assert!(explain("IRO").unwrap().contains("review meetings"));
        assert_eq!(explain("banana"), None);
        assert_eq!(explain("LAC review today"), None);
    }

    #[test]
    fn term_match_round_trips_as_json() {
        let m = find_terms("Your LAC review").remove(0);
        let json = serde_json::to_string(&m).unwrap();
        let back: TermMatch = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
