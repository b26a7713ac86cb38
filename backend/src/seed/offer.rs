//! Bexley's local offer for young adults leaving care (seeds 000 and 001,
//! and the figures in docs/domain.md), seeded with demo data; the template
//! `backend offer from-template` copies into another council.
//!
//! Idempotent: sections and entitlements are added only when the council
//! has none with that id, so an administrator's edits (and retirements)
//! are never overwritten. Figures that are the council's own choice are
//! marked `example_figures`: an administrator should check them against
//! the council's current offer, and saving clears the mark.

use crate::repo::{councils, offer as repo};
use crate::services::offer::{check_draft, values};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use shared::eligibility::{AmountIs, Money, OfferArea, Payment, Rule};
use shared::offer::EntitlementDraft;
use shared::people::CareLeaverCategory as C;

/// Bexley's published sections, in its order.
pub const BEXLEY_SECTIONS: [(&str, &str); 8] = [
    ("your-home", "Your home"),
    (
        "education-employment-training",
        "Education, employment and training",
    ),
    ("health", "Health"),
    ("money", "Money"),
    ("preparing-to-leave-care", "Preparing to leave care"),
    ("participation-in-society", "Participation in society"),
    ("your-history", "Help to understand your history"),
    ("if-things-go-wrong", "What to do if things go wrong"),
];

const DUTY: &str = "020 8303 7777";

fn pa_or_duty() -> String {
    format!(
        "Your personal adviser, or the young adults leaving care duty desk on {DUTY} (Monday to Friday, office hours)."
    )
}

fn worker_or_duty() -> String {
    format!("Your social worker or personal adviser, or the duty desk on {DUTY}.")
}

fn cats(any_of: &[C]) -> Rule {
    Rule::Category {
        any_of: any_of.to_vec(),
    }
}

fn age(min: Option<u32>, under: Option<u32>) -> Rule {
    Rule::Age { min, under }
}

fn all(rules: Vec<Rule>) -> Rule {
    Rule::All { rules }
}

fn any(rules: Vec<Rule>) -> Rule {
    Rule::Any { rules }
}

fn not(rule: Rule) -> Rule {
    Rule::Not {
        rule: Box::new(rule),
    }
}

/// Every care leaver: eligible, relevant, former relevant or qualifying.
const LEAVERS: [C; 4] = [C::Eligible, C::Relevant, C::FormerRelevant, C::Qualifying];
/// Care leavers with the full leaving-care duties (not qualifying).
const FULL: [C; 3] = [C::Eligible, C::Relevant, C::FormerRelevant];

/// Any care leaver from 16 to their 25th birthday.
fn leavers_16_to_25() -> Rule {
    all(vec![cats(&LEAVERS), age(Some(16), Some(25))])
}

/// A care leaver aged 18 to 24 (former relevant).
fn adult_leavers() -> Rule {
    all(vec![cats(&[C::FormerRelevant]), age(Some(18), Some(25))])
}

fn pounds(p: i64) -> Option<Money> {
    Some(Money::from_pounds(p))
}

struct E {
    id: &'static str,
    section: &'static str,
    area: OfferArea,
    title: &'static str,
    summary: &'static str,
    detail: &'static str,
    amount: Option<Money>,
    amount_is: AmountIs,
    payment: Payment,
    how_to_claim: &'static str,
    what_to_bring: &'static str,
    contact: String,
    rule: Rule,
    example: bool,
}

impl E {
    fn draft(self) -> EntitlementDraft {
        EntitlementDraft {
            id: Some(self.id.to_owned()),
            section: self.section.to_owned(),
            area: self.area,
            title: self.title.to_owned(),
            summary: self.summary.to_owned(),
            detail: self.detail.to_owned(),
            amount: self.amount,
            amount_is: self.amount_is,
            payment: self.payment,
            how_to_claim: self.how_to_claim.to_owned(),
            what_to_bring: self.what_to_bring.to_owned(),
            contact: self.contact,
            rule: self.rule,
            example_figures: self.example,
            retired: false,
            change_note: None,
        }
    }
}

/// Bexley's offer, in the order it is shown.
pub fn bexley_offer() -> Vec<EntitlementDraft> {
    use AmountIs::{AtLeast, Exactly, UpTo};
    use OfferArea as A;
    let list = vec![
        // --- Your home ---------------------------------------------------
        E {
            id: "setting-up-home",
            section: "your-home",
            area: A::Accommodation,
            title: "Setting-up-home allowance",
            summary: "Money to buy what you need for your first home, like a bed, a fridge and pots and pans.",
            detail: "When you move into your own place, the council helps you buy furniture and things for your home. It is at least £3,000, the national minimum since April 2023. Your personal adviser helps you make a list. They can buy things with you or pay the shop for you. You can use it up to your 25th birthday.",
            amount: pounds(3000),
            amount_is: AtLeast,
            payment: Payment::Once,
            how_to_claim: "Tell your personal adviser as soon as you know when you are moving. You will plan together what you need and how it is bought.",
            what_to_bring: "Your tenancy agreement or a letter with your moving date, and a list of what you need.",
            contact: pa_or_duty(),
            rule: all(vec![cats(&[C::Relevant, C::FormerRelevant]), age(None, Some(25))]),
            example: false,
        },
        E {
            id: "staying-put",
            section: "your-home",
            area: A::Accommodation,
            title: "Staying Put with your foster carers",
            summary: "You can keep living with your foster carers after you turn 18, up to age 21, if you all agree.",
            detail: "Staying Put means your home does not have to change on your 18th birthday. You, your foster carers and your worker agree it together and write it into your pathway plan. Your carers keep getting money to look after you. You may be asked to pay a little towards your keep from any wages or benefits.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Talk to your foster carers and your social worker or personal adviser well before you turn 18 (by 16 and a half is best).",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: all(vec![cats(&[C::FormerRelevant]), age(Some(18), Some(21))]),
            example: false,
        },
        E {
            id: "finding-a-home",
            section: "your-home",
            area: A::Accommodation,
            title: "Help to find a home",
            summary: "Your personal adviser helps you find a safe place to live when you are ready to move on.",
            detail: "Your personal adviser explains your choices, such as living with a family, a shared house, a flat from the council or a housing association, or renting privately. They help you fill in forms, go to viewings with you and make sure you are ready to look after your own home.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Talk to your personal adviser about where you want to live, and when.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "tv-licence",
            section: "your-home",
            area: A::Accommodation,
            title: "TV licence for your first year",
            summary: "The council pays for a TV licence for your first home, for one year.",
            detail: "You need a TV licence to watch live TV or BBC iPlayer. The council pays for the first year when you move into your own place.",
            amount: Some(Money::from_pence(17_450)),
            amount_is: UpTo,
            payment: Payment::Once,
            how_to_claim: "Ask your personal adviser when you move in. They can buy the licence for you.",
            what_to_bring: "Your new address.",
            contact: pa_or_duty(),
            rule: adult_leavers(),
            example: true,
        },
        E {
            id: "broadband",
            section: "your-home",
            area: A::Accommodation,
            title: "Broadband for your home",
            summary: "Help to pay for broadband at home for your first year, so you can study, work and keep in touch.",
            detail: "The council helps with the cost of home broadband for the first 12 months in your own place. Your personal adviser can help you choose a good deal.",
            amount: pounds(30),
            amount_is: UpTo,
            payment: Payment::Monthly,
            how_to_claim: "Ask your personal adviser before you sign up to a broadband contract.",
            what_to_bring: "The details of the broadband deal you want.",
            contact: pa_or_duty(),
            rule: adult_leavers(),
            example: true,
        },
        E {
            id: "council-tax",
            section: "money",
            area: A::Accommodation,
            title: "No council tax until you are 25",
            summary: "If you live in Bexley, you do not pay council tax on your home until your 25th birthday.",
            detail: "Bexley does not charge council tax to its care leavers who live in the borough. It starts when you have your own place and lasts until you turn 25. If you share a home with other adults, your personal adviser can explain what you pay.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Your personal adviser tells the council tax team when you move in. If a council tax bill comes, give it to your personal adviser.",
            what_to_bring: "Your council tax bill or account number, if you have one.",
            contact: pa_or_duty(),
            rule: all(vec![
                cats(&[C::FormerRelevant]),
                age(Some(18), Some(25)),
                Rule::LivesInBorough,
            ]),
            example: false,
        },
        // --- Education, employment and training -------------------------
        E {
            id: "bursary-16-19",
            section: "education-employment-training",
            area: A::EducationAndTraining,
            title: "16 to 19 Bursary",
            summary: "Up to £1,200 a year to help with the costs of sixth form, college or training.",
            detail: "Young people in care and care leavers aged 16 to 18 can get the most help from the 16 to 19 Bursary Fund. It helps with travel, books, equipment and meals. Your school, college or training provider pays it, not the council.",
            amount: pounds(1200),
            amount_is: UpTo,
            payment: Payment::Yearly,
            how_to_claim: "Ask the student support or finance office at your school, college or training provider. Your worker or the Virtual School can help with the form.",
            what_to_bring: "A letter saying you are in care or a care leaver (your worker can give you one) and your bank details.",
            contact: "The student support office at your school or college, or your worker.".to_owned(),
            rule: all(vec![
                cats(&FULL),
                age(Some(16), Some(19)),
                Rule::InEducation,
                not(Rule::InHigherEducation),
            ]),
            example: false,
        },
        E {
            id: "he-bursary",
            section: "education-employment-training",
            area: A::EducationAndTraining,
            title: "Higher education bursary",
            summary: "£2,000 from the council to help you through university.",
            detail: "Every council pays this to its care leavers on a higher education course, such as a degree. It comes on top of student loans and any bursary from your university. Your personal adviser agrees with you when it is paid.",
            amount: pounds(2000),
            amount_is: Exactly,
            payment: Payment::Once,
            how_to_claim: "Tell your personal adviser when you get a place. They will arrange the payment with you.",
            what_to_bring: "Proof of your place on the course, such as your UCAS confirmation or a letter from the university.",
            contact: pa_or_duty(),
            rule: all(vec![
                cats(&[C::Relevant, C::FormerRelevant]),
                Rule::InHigherEducation,
                age(None, Some(25)),
            ]),
            example: false,
        },
        E {
            id: "holiday-housing",
            section: "education-employment-training",
            area: A::Accommodation,
            title: "A place to live in the university holidays",
            summary: "If you have nowhere to stay when your halls close, the council helps you find and pay for somewhere.",
            detail: "The law says the council must help care leavers in higher education with somewhere to live in the holidays. Talk to your personal adviser well before the end of term.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Tell your personal adviser the dates your halls close, at least a month before.",
            what_to_bring: "The dates your term ends and starts again.",
            contact: pa_or_duty(),
            rule: all(vec![
                cats(&[C::Relevant, C::FormerRelevant]),
                Rule::InHigherEducation,
                age(None, Some(25)),
            ]),
            example: false,
        },
        E {
            id: "course-costs",
            section: "education-employment-training",
            area: A::EducationAndTraining,
            title: "Help with course costs",
            summary: "Money for things you need for your course, like books, equipment or a laptop.",
            detail: "If you are studying or training, the council can help with costs your course or bursary does not cover.",
            amount: pounds(500),
            amount_is: UpTo,
            payment: Payment::Yearly,
            how_to_claim: "Ask your personal adviser. Say what you need and what it costs.",
            what_to_bring: "A list or a letter from your course saying what you need.",
            contact: pa_or_duty(),
            rule: all(vec![cats(&LEAVERS), Rule::InEducation, age(Some(16), Some(25))]),
            example: true,
        },
        E {
            id: "apprenticeship-bursary",
            section: "education-employment-training",
            area: A::Employment,
            title: "Apprenticeship bursary",
            summary: "£3,000 to help you through your apprenticeship, paid in three parts.",
            detail: "Care leavers who start an apprenticeship get £3,000 from the government: £1,000 after 60 days, £1,000 after 120 days and £1,000 after 300 days. It is claimed through your apprenticeship training provider.",
            amount: pounds(3000),
            amount_is: Exactly,
            payment: Payment::Instalments {
                count: 3,
                amount: Money::from_pounds(1000),
                days_in: vec![60, 120, 300],
            },
            how_to_claim: "Tell your training provider you are a care leaver when you start. Your personal adviser can check it has been claimed.",
            what_to_bring: "A letter saying you are a care leaver (your personal adviser can give you one).",
            contact: pa_or_duty(),
            rule: all(vec![cats(&FULL), Rule::InApprenticeship, age(None, Some(25))]),
            example: false,
        },
        E {
            id: "finding-work",
            section: "education-employment-training",
            area: A::Employment,
            title: "Help to find work or training",
            summary: "Your personal adviser helps you find a job, a course, an apprenticeship or work experience.",
            detail: "Your personal adviser can help you write a CV, practise for interviews and find courses, apprenticeships and work experience.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Tell your personal adviser what you would like to do.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "starting-work",
            section: "education-employment-training",
            area: A::Employment,
            title: "Clothes and travel to start work",
            summary: "Help to pay for interview clothes, work clothes and travel in your first month at work.",
            detail: "Starting a job can cost money before your first pay day. The council can help with clothes for interviews and work, and with travel until you are paid.",
            amount: pounds(200),
            amount_is: UpTo,
            payment: Payment::Once,
            how_to_claim: "Ask your personal adviser when you have an interview or a start date.",
            what_to_bring: "Your interview or job offer letter.",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: true,
        },
        E {
            id: "driving-lessons",
            section: "education-employment-training",
            area: A::Employment,
            title: "Driving lessons",
            summary: "Help to pay for driving lessons and your theory test, to help you get to work or college.",
            detail: "If you are in education, training or work, the council can help pay for lessons and your tests. Your personal adviser agrees with you how many lessons.",
            amount: pounds(500),
            amount_is: UpTo,
            payment: Payment::Once,
            how_to_claim: "Ask your personal adviser. You will need a provisional driving licence first (see ID documents).",
            what_to_bring: "Your provisional driving licence.",
            contact: pa_or_duty(),
            rule: all(vec![
                cats(&FULL),
                age(Some(17), Some(25)),
                any(vec![Rule::InEducation, Rule::InApprenticeship, Rule::InWork]),
            ]),
            example: true,
        },
        // --- Health -------------------------------------------------------
        E {
            id: "health-history",
            section: "health",
            area: A::HealthAndWellbeing,
            title: "Your health history",
            summary: "When you leave care, you get a summary of your health, like your jabs, illnesses and treatment.",
            detail: "It helps you and your doctor know your health history as an adult. Ask for it to be explained if anything is not clear.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your social worker or personal adviser. The children in care nurse can go through it with you.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "someone-to-talk-to",
            section: "health",
            area: A::HealthAndWellbeing,
            title: "Someone to talk to about how you feel",
            summary: "Free, private support if you feel low, worried or stressed, up to age 25.",
            detail: "Your personal adviser can help you see your GP or get counselling. If you are in danger or might hurt yourself, call 999 or go to A&E. You can call Childline free on 0800 1111 (under 19) or Samaritans on 116 123, day or night.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Tell your worker how you are feeling, or ask your GP.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "prescriptions",
            section: "health",
            area: A::HealthAndWellbeing,
            title: "Help with prescription costs",
            summary: "The council can pay for a prescription prepayment certificate, so your medicines cost nothing for a year.",
            detail: "From 19 (or 18 if you are not in full-time education) you pay for prescriptions in England. A prepayment certificate covers all your prescriptions for 12 months.",
            amount: Some(Money::from_pence(11_450)),
            amount_is: UpTo,
            payment: Payment::Yearly,
            how_to_claim: "Ask your personal adviser. They can buy the certificate for you.",
            what_to_bring: "Your NHS number if you know it.",
            contact: pa_or_duty(),
            rule: adult_leavers(),
            example: true,
        },
        E {
            id: "leisure-pass",
            section: "health",
            area: A::HealthAndWellbeing,
            title: "Free leisure pass",
            summary: "Free use of Bexley's leisure centres, such as the gym, swimming and classes.",
            detail: "Keeping active helps you feel good. The pass lets you use the council's leisure centres for free.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your personal adviser for a letter, then take it to any Bexley leisure centre.",
            what_to_bring: "The letter from your personal adviser and a photo ID.",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: true,
        },
        // --- Money ----------------------------------------------------------
        E {
            id: "junior-isa",
            section: "money",
            area: A::FinancialLiteracy,
            title: "Your Junior ISA savings",
            summary: "If you were in care for a year or more, the government saved at least £200 for you. It is yours from 18.",
            detail: "Children in care for 12 months or more got a Junior ISA with £200 from the government. It may have grown since. At 18 it becomes your own savings account, and you decide what to do with it.",
            amount: pounds(200),
            amount_is: AtLeast,
            payment: Payment::Once,
            how_to_claim: "The Share Foundation looks after these accounts. Ask your personal adviser to help you find yours, or contact The Share Foundation yourself.",
            what_to_bring: "Proof of who you are, such as a passport or provisional driving licence.",
            contact: "The Share Foundation, or your personal adviser.".to_owned(),
            rule: all(vec![Rule::LookedAfterMonths { min: 12 }, age(Some(18), None)]),
            example: false,
        },
        E {
            id: "money-skills",
            section: "money",
            area: A::FinancialLiteracy,
            title: "Learn to manage your money",
            summary: "Help to open a bank account, make a budget, pay bills and stay out of debt.",
            detail: "Your personal adviser can go through money with you, one to one or in a group. You will learn how to plan what you spend, pay bills on time and get help early if money gets tight.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your personal adviser.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "benefits",
            section: "money",
            area: A::FinancialLiteracy,
            title: "Help to claim benefits",
            summary: "Your personal adviser helps you claim Universal Credit or other money you can get.",
            detail: "Your personal adviser can help you make a claim, go with you to appointments and help if a payment goes wrong.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your personal adviser before you claim.",
            what_to_bring: "Your National Insurance number, bank details and proof of who you are.",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "emergency-money",
            section: "money",
            area: A::FinancialLiteracy,
            title: "Help if you run out of money",
            summary: "If you have no money for food, gas or electricity, ask for emergency help the same day.",
            detail: "The council can give you emergency help, such as a food voucher or money for your meter, while you sort things out with your personal adviser.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::Once,
            how_to_claim: "Call your personal adviser. If you cannot reach them, call the duty desk.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "birthday-money",
            section: "money",
            area: A::Relationships,
            title: "Birthday money",
            summary: "A gift of money from the council on your birthday.",
            detail: "The council sends you a gift on each birthday from 18 until you are 25.",
            amount: pounds(50),
            amount_is: Exactly,
            payment: Payment::Yearly,
            how_to_claim: "Nothing to do: your personal adviser arranges it. Check they have your bank details.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: adult_leavers(),
            example: true,
        },
        E {
            id: "festive-gift",
            section: "money",
            area: A::Relationships,
            title: "Festive gift",
            summary: "A gift of money in December, so you are not left out at the end of the year.",
            detail: "The council sends you a gift each December from 18 until you are 25.",
            amount: pounds(50),
            amount_is: Exactly,
            payment: Payment::Yearly,
            how_to_claim: "Nothing to do: your personal adviser arranges it. Check they have your bank details.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: adult_leavers(),
            example: true,
        },
        // --- Preparing to leave care ------------------------------------
        E {
            id: "personal-adviser",
            section: "preparing-to-leave-care",
            area: A::Relationships,
            title: "A personal adviser up to 25",
            summary: "A worker who helps you plan your life after care and stays with you until you are 25.",
            detail: "In Bexley you get a personal adviser at about 17 and a half. They see you at least every 2 months and help with your pathway plan, money, housing, education and work. From 21 to 25 you can keep your personal adviser, or come back to them whenever you need.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "You do not need to ask: one is given to you. If you are 21 to 25 and have stopped seeing them, call the duty desk to start again.",
            what_to_bring: "",
            contact: pa_or_duty(),
            rule: all(vec![cats(&FULL), age(Some(16), Some(25))]),
            example: false,
        },
        E {
            id: "pathway-plan",
            section: "preparing-to-leave-care",
            area: A::Relationships,
            title: "Your pathway plan",
            summary: "A plan for your future that you write with your worker, checked at least every 6 months.",
            detail: "Your pathway plan says what you want to do, where you want to live and what help you will get. It starts from 16. You can ask for it to be looked at again at any time.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your social worker or personal adviser for a copy, or to change it.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: all(vec![cats(&FULL), age(Some(16), Some(25))]),
            example: false,
        },
        E {
            id: "living-on-your-own",
            section: "preparing-to-leave-care",
            area: A::Accommodation,
            title: "Learn to live on your own",
            summary: "Sessions on cooking, shopping, paying bills and looking after a home.",
            detail: "Before you move on, you can learn the everyday skills for running your own home, with your carers, your worker or in a group.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your worker what is coming up.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: leavers_16_to_25(),
            example: false,
        },
        E {
            id: "id-documents",
            section: "preparing-to-leave-care",
            area: A::ParticipationInSociety,
            title: "ID documents",
            summary: "The council pays for your passport or provisional driving licence, and your birth certificate.",
            detail: "You need ID to open a bank account, rent a home, start a job and claim benefits. Ask early: passports can take weeks.",
            amount: pounds(100),
            amount_is: UpTo,
            payment: Payment::Once,
            how_to_claim: "Ask your social worker or personal adviser. They will help you fill in the forms and get a photo.",
            what_to_bring: "Any ID you have already, and your National Insurance number if you know it.",
            contact: worker_or_duty(),
            rule: leavers_16_to_25(),
            example: true,
        },
        // --- Participation in society ------------------------------------
        E {
            id: "travel-discount",
            section: "participation-in-society",
            area: A::ParticipationInSociety,
            title: "Half-price bus and tram travel",
            summary: "With the 18-25 Care Leaver Oyster photocard, you pay half price on London buses and trams.",
            detail: "Transport for London gives care leavers aged 18 to 25 who live in London 50% off pay-as-you-go bus and tram fares. You apply on the TfL website with a photo, and your personal adviser confirms you are a care leaver.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Apply on the TfL website for the 18-25 Care Leaver Oyster photocard. Ask your personal adviser to confirm you are a care leaver.",
            what_to_bring: "A digital photo of your face and your personal adviser's email address.",
            contact: "Transport for London (tfl.gov.uk), or your personal adviser.".to_owned(),
            rule: all(vec![
                cats(&[C::FormerRelevant, C::Qualifying]),
                age(Some(18), Some(26)),
            ]),
            example: false,
        },
        E {
            id: "positive-journeys",
            section: "participation-in-society",
            area: A::ParticipationInSociety,
            title: "Positive Journeys: have your say",
            summary: "Join Bexley's group for children in care and care leavers to share ideas and change things.",
            detail: "Positive Journeys is Bexley's Children in Care Council. Members meet, go on trips and tell the council's leaders what needs to change. You can join at any age.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your worker, or the participation team, to put you in touch.",
            what_to_bring: "",
            contact: format!("The participation team (Positive Journeys), or the duty desk on {DUTY}."),
            rule: Rule::Everyone,
            example: false,
        },
        // --- Help to understand your history -----------------------------
        E {
            id: "your-story",
            section: "your-history",
            area: A::Relationships,
            title: "Help to understand your story",
            summary: "Time with a worker to talk about your past, your family and why you came into care.",
            detail: "Many people want to know more about their early life. A worker can go through it with you at your pace, often making a book with photos and memories.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your social worker or personal adviser.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: Rule::Everyone,
            example: false,
        },
        E {
            id: "your-records",
            section: "your-history",
            area: A::Relationships,
            title: "See your care records",
            summary: "You can ask to read what the council wrote about you, with someone there to support you.",
            detail: "It is free. Some parts may be hidden to protect other people. A worker can read it with you, as it can bring up strong feelings.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your worker, or write to the council asking for your records (a subject access request).",
            what_to_bring: "Proof of who you are.",
            contact: worker_or_duty(),
            rule: Rule::Everyone,
            example: false,
        },
        E {
            id: "family-time",
            section: "your-history",
            area: A::Relationships,
            title: "Keeping in touch with family",
            summary: "Help to see or talk to your brothers, sisters and other family, including travel costs.",
            detail: "Your worker can help you keep in touch with the people who matter to you, when it is safe.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Tell your worker who you would like to see or talk to.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: Rule::Everyone,
            example: false,
        },
        // --- What to do if things go wrong -------------------------------
        E {
            id: "advocate",
            section: "if-things-go-wrong",
            area: A::ParticipationInSociety,
            title: "An advocate to speak up for you",
            summary: "Someone who does not work for the council and helps you say what you want.",
            detail: "An advocate is free. They can help you in meetings, with a complaint, or when you do not agree with a decision about you.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Ask your worker for an advocate, or call the duty desk.",
            what_to_bring: "",
            contact: worker_or_duty(),
            rule: Rule::Everyone,
            example: false,
        },
        E {
            id: "complaints",
            section: "if-things-go-wrong",
            area: A::ParticipationInSociety,
            title: "Make a complaint",
            summary: "If something is not right, you can complain and get an answer.",
            detail: "Talk to your worker or their manager first if you can. If that does not sort it out, you can make a complaint to the council, and an advocate can help you. If you are still unhappy after that, you can go to the Local Government and Social Care Ombudsman.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Tell your worker or their manager, or contact the council's complaints team.",
            what_to_bring: "",
            contact: format!("The council's complaints team, or the duty desk on {DUTY}."),
            rule: Rule::Everyone,
            example: false,
        },
        E {
            id: "urgent-help",
            section: "if-things-go-wrong",
            area: A::HealthAndWellbeing,
            title: "Help when you need it fast",
            summary: "If you are in trouble and cannot reach your worker, call the duty desk on 020 8303 7777.",
            detail: "Outside office hours, call the same number and ask for the emergency duty team. If you are in danger, call 999. Childline is free on 0800 1111.",
            amount: None,
            amount_is: Exactly,
            payment: Payment::NotMoney,
            how_to_claim: "Call 020 8303 7777.",
            what_to_bring: "",
            contact: format!("The duty desk on {DUTY}."),
            rule: Rule::Everyone,
            example: false,
        },
    ];
    list.into_iter().map(E::draft).collect()
}

fn bad(id: &str, e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(format!("seeded entitlement {id}: {e}"))
}

/// Adds Bexley's sections and any of its entitlements it does not have yet.
pub async fn seed(db: &DatabaseConnection) -> Result<(), DbErr> {
    let Some(council) = councils::by_slug(db, "bexley").await? else {
        return Ok(());
    };
    let txn = db.begin().await?;
    copy_into(&txn, council.id, false).await?;
    txn.commit().await?;
    Ok(())
}

/// Bexley's sections and entitlements into a council, each one it does not
/// have yet (by id), in the caller's transaction; answers how many were
/// added. `as_examples`: another council's copy from the template, each
/// marked as an example to check and edit, and hidden from young people
/// until an administrator saves it.
pub async fn copy_into(
    txn: &impl ConnectionTrait,
    council_id: i32,
    as_examples: bool,
) -> Result<usize, DbErr> {
    let existing = repo::slugs(txn, council_id).await?;
    let offer = bexley_offer();
    if offer
        .iter()
        .all(|d| d.id.as_ref().is_some_and(|id| existing.contains(id)))
    {
        return Ok(0);
    }
    let now = Utc::now();
    let mut sections = Vec::new();
    for (i, (slug, title)) in BEXLEY_SECTIONS.iter().enumerate() {
        let position = i32::try_from(i).unwrap_or(i32::MAX);
        sections.push(repo::ensure_section(txn, council_id, slug, title, position).await?);
    }
    let note = if as_examples {
        "Copied from the template (the demo council's offer): an example to check and edit."
    } else {
        "Seeded from Bexley's published local offer."
    };
    let mut position = repo::next_position(txn, council_id).await?;
    let mut added = 0;
    for d in offer {
        let Some(id) = d.id.clone() else { continue };
        if existing.contains(&id) {
            continue;
        }
        check_draft(&d).map_err(|e| bad(&id, e))?;
        let section = sections
            .iter()
            .find(|s| s.slug == d.section)
            .ok_or_else(|| bad(&id, format!("no section {}", d.section)))?;
        let v = values(&d, section.id).map_err(|e| bad(&id, e))?;
        let row = repo::insert(txn, council_id, &id, position, v, None, now).await?;
        if as_examples {
            repo::set_example(txn, row.id, true).await?;
        }
        repo::add_version(
            txn,
            repo::NewVersion {
                authority_id: council_id,
                entitlement_id: row.id,
                version: 1,
                changed_by: None,
                note: Some(note),
                before_json: None,
                after_json: serde_json::to_string(&d).map_err(|e| bad(&id, e))?,
            },
            now,
        )
        .await?;
        position += 1;
        added += 1;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use shared::people::AgeBand;

    #[test]
    fn the_offer_is_complete_and_valid() {
        let offer = bexley_offer();
        assert!(offer.len() >= 25, "{}", offer.len());
        for d in &offer {
            check_draft(d).unwrap_or_else(|e| panic!("{:?}: {e}", d.id));
            assert!(
                BEXLEY_SECTIONS.iter().any(|(s, _)| *s == d.section),
                "{:?}",
                d.id
            );
        }
        for area in OfferArea::ALL {
            assert!(offer.iter().any(|d| d.area == area), "{area:?}");
        }
        for (s, _) in BEXLEY_SECTIONS {
            assert!(offer.iter().any(|d| d.section == s), "{s}");
        }
        let mut ids: Vec<_> = offer.iter().map(|d| d.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), offer.len());
    }

    #[test]
    fn titles_and_summaries_are_plain_for_a_16_year_old() {
        let mut failures = vec![];
        for d in bexley_offer() {
            for text in [&d.title, &d.summary] {
                let r = shared::plain_language::check(text, AgeBand::From12To17);
                if !r.passes {
                    failures.push(format!("{:?}: {text}: {:?}", d.id, r.issues));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_figures_in_the_domain_notes() {
        let offer = bexley_offer();
        let get = |id: &str| {
            offer
                .iter()
                .find(|d| d.id.as_deref() == Some(id))
                .unwrap()
                .clone()
        };
        assert_eq!(
            get("setting-up-home").amount,
            Some(Money::from_pounds(3000))
        );
        assert_eq!(get("setting-up-home").amount_is, AmountIs::AtLeast);
        assert_eq!(get("he-bursary").amount, Some(Money::from_pounds(2000)));
        assert_eq!(
            get("apprenticeship-bursary").payment,
            Payment::Instalments {
                count: 3,
                amount: Money::from_pounds(1000),
                days_in: vec![60, 120, 300]
            }
        );
        assert_eq!(get("bursary-16-19").amount, Some(Money::from_pounds(1200)));
        assert_eq!(get("bursary-16-19").payment, Payment::Yearly);
        assert_eq!(get("junior-isa").amount, Some(Money::from_pounds(200)));
        assert!(get("driving-lessons").example_figures);
        assert!(!get("he-bursary").example_figures);
        assert!(get("urgent-help").summary.contains("020 8303 7777"));
    }
}
