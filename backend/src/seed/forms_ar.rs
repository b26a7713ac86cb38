//! The seeded "good for me" forms in Arabic (Modern Standard Arabic, in
//! the short sentences the app's own Arabic uses): each English text of
//! the forms in `forms.rs`, with its translation. A form version gets the
//! entries for the texts it has; a test checks that none is missing.

/// (English, Arabic), one per distinct text of the four seeded forms.
pub const ARABIC: &[(&str, &str)] = &[
    // The faces, from very unhappy to very happy.
    ("Very sad", "حزين جدًا"),
    ("Sad", "حزين"),
    ("In the middle", "بين بين"),
    ("Happy", "سعيد"),
    ("Very happy", "سعيد جدًا"),
    ("Really unhappy", "غير سعيد أبدًا"),
    ("Unhappy", "غير سعيد"),
    ("OK", "لا بأس"),
    ("Really happy", "سعيد جدًا"),
    ("Really bad", "سيئ جدًا"),
    ("Not good", "ليس جيدًا"),
    ("Good", "جيد"),
    ("Really good", "جيد جدًا"),
    ("Not at all", "لا، أبدًا"),
    ("A little", "قليلًا"),
    ("Some of it", "بعضها"),
    ("Most of it", "معظمها"),
    ("All of it", "كلها"),
    // How I want to take part.
    ("Come to the meeting", "أحضر الاجتماع"),
    (
        "Send my pictures and words instead",
        "أرسل رسوماتي وكلماتي بدلًا من الحضور",
    ),
    ("I'm not sure yet", "لست متأكدًا بعد"),
    (
        "Chair the meeting (be in charge, with help)",
        "أرأس الاجتماع (أكون المسؤول عنه، مع المساعدة)",
    ),
    (
        "Lead part of it (start it, or say my views myself)",
        "أقود جزءًا منه (أبدؤه، أو أقول رأيي بنفسي)",
    ),
    (
        "Send my views instead of coming",
        "أرسل رأيي بدلًا من الحضور",
    ),
    // Under 8.
    ("All about me, for my review", "كل شيء عني، لمراجعتي"),
    (
        "Your review is a meeting about you. Tap a face for each picture. You can skip any you like.",
        "مراجعتك اجتماع عنك أنت. المس وجهًا عند كل صورة. يمكنك أن تتخطى ما تشاء.",
    ),
    (
        "Do this with a grown-up you trust. They can read the words to you and write down what you say.",
        "املأ هذا مع شخص كبير تثق به. يستطيع أن يقرأ لك الكلمات، وأن يكتب ما تقوله.",
    ),
    ("How do you feel about your home?", "ما شعورك تجاه بيتك؟"),
    (
        "How do you feel about school or nursery?",
        "ما شعورك تجاه المدرسة أو الحضانة؟",
    ),
    ("How do you feel in your body?", "كيف تشعر في جسمك؟"),
    ("Are you sleeping and eating well?", "هل تنام جيدًا وتأكل جيدًا؟"),
    (
        "How do you feel about seeing your family?",
        "ما شعورك تجاه رؤية عائلتك؟",
    ),
    (
        "How do you feel about your social worker?",
        "ما شعورك تجاه الأخصائي الاجتماعي الخاص بك؟",
    ),
    ("How safe do you feel?", "إلى أي حد تشعر بالأمان؟"),
    ("What do you want to talk about?", "عن ماذا تريد أن تتحدث؟"),
    ("Pick as many as you like.", "اختر كل ما تريد."),
    ("My home", "بيتي"),
    ("School", "المدرسة"),
    ("My family", "عائلتي"),
    ("My friends", "أصدقائي"),
    ("Playing and clubs", "اللعب والنوادي"),
    ("My feelings", "مشاعري"),
    ("Who do you want at your meeting?", "من تريد أن يكون في اجتماعك؟"),
    ("The people I live with", "الأشخاص الذين أعيش معهم"),
    ("My social worker", "الأخصائي الاجتماعي الخاص بي"),
    ("My mum or dad", "أمي أو أبي"),
    ("My brothers or sisters", "إخوتي أو أخواتي"),
    ("My teacher", "معلمي"),
    ("Someone else", "شخص آخر"),
    (
        "How do you want to join your meeting?",
        "كيف تريد أن تشارك في اجتماعك؟",
    ),
    ("What would make things better?", "ما الذي يجعل الأمور أفضل؟"),
    (
        "You can draw it. Your grown-up can write it down.",
        "يمكنك أن ترسمه. ويستطيع الشخص الكبير الذي معك أن يكتبه.",
    ),
    // 8 to 11.
    ("My review: what I think", "مراجعتي: ما رأيي"),
    (
        "Your review is a meeting to check that your plan is working for you. Tell your IRO what you think. You can skip any question.",
        "المراجعة اجتماع للتأكد من أن خطتك مناسبة لك. أخبر مسؤول المراجعة برأيك. يمكنك أن تتخطى أي سؤال.",
    ),
    (
        "How do you feel about where you live?",
        "ما شعورك تجاه المكان الذي تعيش فيه؟",
    ),
    ("You can say why, if you want to.", "يمكنك أن تقول السبب، إذا أردت."),
    ("How is school going?", "كيف تسير أمورك في المدرسة؟"),
    (
        "Think about lessons, friends and help in class.",
        "فكّر في الدروس والأصدقاء والمساعدة في الصف.",
    ),
    ("How do you feel about your health?", "ما شعورك تجاه صحتك؟"),
    (
        "Think about sleep, food and feeling well.",
        "فكّر في النوم والطعام وفي شعورك بأنك بخير.",
    ),
    (
        "How do you feel about family time?",
        "ما شعورك تجاه الوقت مع عائلتك؟",
    ),
    (
        "This means seeing or talking to your family.",
        "نعني أن ترى عائلتك أو تتحدث معها.",
    ),
    ("Do they listen to you and help you?", "هل يستمع إليك ويساعدك؟"),
    ("Do you understand your plan?", "هل تفهم خطتك؟"),
    (
        "Your plan says what will happen for you now and next.",
        "خطتك تقول ما سيحدث لك الآن وبعد ذلك.",
    ),
    (
        "What do you want to talk about at your review?",
        "عن ماذا تريد أن تتحدث في مراجعتك؟",
    ),
    ("Who do you want at your review?", "من تريد أن يكون في مراجعتك؟"),
    (
        "An advocate (someone who helps me speak up)",
        "مناصر (شخص يساعدني على أن أقول رأيي)",
    ),
    ("How do you want to take part?", "كيف تريد أن تشارك؟"),
    // 12 to 17.
    ("My views for my review", "رأيي لمراجعتي"),
    (
        "This is your chance to say what is working and what is not, before your review. Only the people you choose will read it. Skip anything you don't want to answer.",
        "هذه فرصتك لتقول ما الذي يسير جيدًا وما الذي لا يسير جيدًا، قبل مراجعتك. لن يقرأه إلا الأشخاص الذين تختارهم. تخطَّ أي شيء لا تريد أن تجيب عنه.",
    ),
    (
        "How are school, college or training going?",
        "كيف تسير أمورك في المدرسة أو الكلية أو التدريب؟",
    ),
    (
        "How do you feel about your health and wellbeing?",
        "ما شعورك تجاه صحتك وعافيتك؟",
    ),
    (
        "Think about sleep, food, your body and your mind.",
        "فكّر في النوم والطعام وجسمك وعقلك.",
    ),
    (
        "How do you feel about time with your family?",
        "ما شعورك تجاه الوقت الذي تقضيه مع عائلتك؟",
    ),
    (
        "Do they listen, and do they do what they say?",
        "هل يستمع إليك، وهل يفعل ما يقول؟",
    ),
    ("How well do you understand your plan?", "إلى أي حد تفهم خطتك؟"),
    ("How do you feel about your future?", "ما شعورك تجاه مستقبلك؟"),
    (
        "Think about your plans for when you are older.",
        "فكّر في خططك لما بعد أن تكبر.",
    ),
    ("Someone from school or college", "شخص من المدرسة أو الكلية"),
    ("A friend or someone I trust", "صديق أو شخص أثق به"),
    // Care leavers: the pathway plan review.
    ("My pathway plan review", "مراجعة خطة المسار الخاصة بي"),
    (
        "Your pathway plan review checks that your plan is still right for you. Say what is going well and what needs to change. Skip anything you like.",
        "مراجعة خطة المسار تتأكد من أن خطتك ما زالت مناسبة لك. قل ما الذي يسير جيدًا وما الذي يجب أن يتغير. تخطَّ أي شيء تريده.",
    ),
    (
        "How do you feel about where you live now?",
        "ما شعورك تجاه المكان الذي تعيش فيه الآن؟",
    ),
    (
        "How are college, university, training or work going?",
        "كيف تسير أمورك في الكلية أو الجامعة أو التدريب أو العمل؟",
    ),
    ("How are you managing with money?", "كيف تتدبر أمر المال؟"),
    (
        "How do you feel about the people in your life?",
        "ما شعورك تجاه الأشخاص في حياتك؟",
    ),
    (
        "Family, friends and people you trust.",
        "العائلة والأصدقاء والأشخاص الذين تثق بهم.",
    ),
    (
        "How do you feel about the help from your personal adviser?",
        "ما شعورك تجاه المساعدة التي تحصل عليها من مستشارك الشخصي؟",
    ),
    (
        "Do you know what help you can get, and where to go when things are hard?",
        "هل تعرف ما المساعدة التي يمكنك أن تحصل عليها، وإلى أين تذهب عندما تصعب الأمور؟",
    ),
    ("My personal adviser", "المستشار الشخصي الخاص بي"),
    (
        "The staff member who helps me most",
        "الموظف الذي يساعدني أكثر من غيره",
    ),
    ("Someone from my family", "شخص من عائلتي"),
    ("A friend or partner", "صديق أو شريك حياة"),
];
