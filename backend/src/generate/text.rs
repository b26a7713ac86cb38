//! Made-up words for generated records: first names and surnames picked at
//! random (no real person), and plain sentences for plans, reviews, forum
//! posts and requests.

pub const FIRST_NAMES: &[&str] = &[
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Willow", "Ella", "Evie", "Poppy", "Aisha", "Zara", "Maya", "Hannah",
    "Chloe", "Ruby", "Layla", "Amara", "Priya", "Fatima", "Nia", "Erin", "Megan", "Jade", "Noah",
    "Oliver", "George", "Leo", "Arthur", "Muhammad", "Harry", "Oscar", "Jack", "Charlie", "Theo",
    "Finley", "Jacob", "Alfie", "Ethan", "Tyler", "Kai", "Reuben", "Ibrahim", "Marcus", "Kofi",
    "Samuel", "Daniel", "Mason", "Logan", "Riley", "Jordan", "Callum", "Dylan", "Adam", "Ryan",
    "Lucas", "Max", "Ezra", "Yusuf", "Tomasz", "Luca", "Jayden", "Kieran", "Ellis", "Alex", "Sam",
    "Jamie", "Robin", "Charlie", "Morgan", "Taylor", "Casey", "Frankie", "Rowan",
];

pub const SURNAMES: &[&str] = &[
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Thomas",
    "Clarke",
    "Jackson",
    "Wood",
    "Harris",
    "Edwards",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Hughes",
    "Moore",
    "Clark",
    "King",
    "Harrison",
    "Lewis",
    "Baker",
    "Lee",
    "Allen",
    "Morris",
    "Khan",
    "Scott",
    "Watson",
    "Davis",
    "Parker",
    "James",
    "Bennett",
    "Young",
    "Phillips",
    "Richardson",
    "Mitchell",
    "Bailey",
    "Carter",
    "Cook",
    "Singh",
    "Shaw",
    "Bell",
    "Collins",
    "Morgan",
    "Kelly",
    "Begum",
    "Ahmed",
    "Okafor",
    "Mensah",
    "Nowak",
    "Ali",
    "Campbell",
];

/// What a plan says, section by section (the order of `Section::ALL`).
pub const PLAN_TEXT: [&[&str]; 8] = [
    // About me
    &[
        "You like drawing and playing football.",
        "You love music and you are learning the guitar.",
        "You are kind to younger children and you make people laugh.",
        "You like cooking with your carer at the weekend.",
        "You told us you want people to listen before they decide things.",
    ],
    // Where I live
    &[
        "You live with your foster carers and you have your own room.",
        "You will stay where you live now. Everyone thinks it is going well.",
        "You live in a children's home near your school.",
        "You live in your own flat. Your adviser visits every month.",
        "We are looking for a home closer to your brother.",
    ],
    // Family time
    &[
        "You see your mum every two weeks at the family centre.",
        "You talk to your dad on the phone on Sundays.",
        "You see your brother and sister once a month.",
        "You asked to see your gran more. We are setting this up.",
        "Family time is on Saturdays. Your carer takes you.",
    ],
    // School, college or work
    &[
        "You are in Year 5 and you like your teacher.",
        "Your school will give you extra help with reading.",
        "You started college in September. You are studying art.",
        "You are looking for an apprenticeship. Your adviser will help.",
        "You work part time in a shop and you want to learn to drive.",
    ],
    // Health
    &[
        "Your health check is due in the spring.",
        "You go to the dentist every six months.",
        "You see a counsellor at school once a week.",
        "You are registered with a doctor near where you live.",
        "You told us you sleep better now.",
    ],
    // Keeping safe
    &[
        "You know who to call if you feel unsafe.",
        "Your carer knows where you are after school.",
        "We talked about staying safe online.",
        "You have the duty number saved in your phone.",
    ],
    // My future
    &[
        "You want to be a nurse when you grow up.",
        "You want to go to university to study science.",
        "You want your own flat when you are ready.",
        "You want to keep playing for your football team.",
    ],
    // What happens next
    &[
        "Your next review is in six months.",
        "Your social worker will visit every six weeks.",
        "Your adviser will help you apply for the bursary.",
        "We will check this plan together after your exams.",
    ],
];

pub const REVIEW_OUTCOMES: &[&str] = &[
    "You said you are happy where you live.",
    "You told us school is going well.",
    "You said you miss your brother.",
    "You said college is hard sometimes but you like it.",
    "You told us about your new friends.",
    "You said you want more say in family time.",
    "You said money is tight at the end of the month.",
];

pub const REVIEW_DECISIONS: &[&str] = &[
    "You will stay where you are.",
    "Your social worker will set up more time with your brother.",
    "Your school will give you extra help.",
    "Your adviser will help you with your bursary form.",
    "You will start swimming lessons.",
    "Your carer will find a club for you.",
];

pub const PLACES: &[&str] = &[
    "At home",
    "At school",
    "At college",
    "At the council offices",
    "At the family centre",
    "Online",
];

pub const THREAD_TITLES: &[&str] = &[
    "Ideas for the summer trip",
    "What helps before a review?",
    "Tips for your first flat",
    "Best things to do at half term",
    "How do you keep in touch with family?",
    "College or apprenticeship?",
    "What should new social workers know?",
    "Favourite films this year",
    "Cooking on a budget",
    "Getting ready for exams",
];

pub const POSTS: &[&str] = &[
    "I think we should go to the beach this time.",
    "Ask your adviser about the setting up home money early.",
    "Writing things down before my review helps me.",
    "Charity shops have good stuff for your flat.",
    "I like it when my worker tells me who is coming.",
    "Bowling was fun last year, can we do it again?",
    "Make a list before you go shopping.",
    "I video call my sister on Sundays.",
    "Apprenticeships pay you while you learn.",
    "Pasta bake is cheap and easy.",
];

pub const FEEDBACK_TEXT: &[&str] = &[
    "I want to see my brother more.",
    "Things are good at home.",
    "I would like help with maths.",
    "Please tell me who is coming to the meeting.",
    "I want to choose where we meet.",
];

pub const REPLIES: &[&str] = &[
    "Thank you for telling us. We have set this up.",
    "We heard you. Your social worker will call you this week.",
    "Good idea. We will talk about it at the meeting.",
];

pub const OFFER_MESSAGES: &[&str] = &[
    "Can I get help with this please?",
    "I start college soon. What do I need to do?",
    "How long does this take?",
    "I need this before I move into my flat.",
];

pub const OFFER_ANSWERS: &[&str] = &[
    "Yes, you can have this. I will send the form today.",
    "I have asked the finance team. I will let you know next week.",
    "This has been paid into your account.",
    "Sorry, this is not for you at the moment. Let's talk about other help.",
];

pub const ABOUT_ME: &[&str] = &[
    "I have worked with young people for ten years. I like walking my dog.",
    "I am here to listen. I support my local football team.",
    "I used to be a teacher. I love cooking and reading.",
    "I help young people get ready to live on their own.",
];

pub const HANDOVER: &[&str] = &[
    "Likes to be called before a visit. Family time on Saturdays.",
    "Settled at school. Wants help with a bike.",
    "Prefers meeting at the cafe near college.",
];

pub const ANIMALS: &[&str] = &[
    "Otter", "Fox", "Badger", "Owl", "Hedgehog", "Robin", "Dolphin", "Panda", "Tiger", "Falcon",
    "Rabbit", "Koala", "Penguin", "Squirrel", "Deer", "Hare", "Swan", "Wren", "Seal", "Lynx",
];

pub const ADJECTIVES: &[&str] = &[
    "Brave", "Bright", "Calm", "Clever", "Cosy", "Gentle", "Golden", "Happy", "Kind", "Lucky",
    "Mighty", "Quiet", "Quick", "Silver", "Sunny", "Swift", "Wise", "Jolly", "Bold", "Cheery",
];
