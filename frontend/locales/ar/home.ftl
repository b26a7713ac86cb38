# الصفحة الرئيسية.
home-welcome = مرحبًا بك في Good for Me
home-welcome-lead = هذا التطبيق لك إذا كنت في الرعاية، أو إذا كنت قد تركت الرعاية.
home-start-actions-html = <div class="actions"><a class="button" href="/sign-in">تسجيل الدخول</a><a class="button button-secondary" href="/activate">عندي رمز من موظف الرعاية</a></div>
home-what-for-html = <h2>لماذا هذا التطبيق؟</h2><p>يساعدك على معرفة المساعدة التي يمكنك الحصول عليها، وعلى متابعة خططك. أنت صاحب القرار في قصتك.</p>
home-your-council = مجلسك المحلي هو { $council }.
home-what-help-html = <h2>ما المساعدة التي يمكنني الحصول عليها؟</h2><p>لدى المجلس المحلي قائمة بالمساعدة والمال الذي يقدمه للشباب في الرعاية وللذين تركوا الرعاية. <a href="/offer">اطّلع على العرض المحلي</a>.</p>
home-who-sees-html = <h2>من يستطيع أن يرى ماذا؟</h2><p>أشياؤك خاصة بك. اعرف من يستطيع رؤيتها في صفحة <a href="/about">عن هذا التطبيق</a>.</p>
home-hi = مرحبًا يا { $name }
home-signed-in-lead = سعداء برؤيتك. ماذا تريد أن تفعل؟
home-link-plan-title = خطتي
home-link-plan-text = خطتك بكلمات بسيطة. اسأل عن أي شيء غير واضح.
home-link-people-title = الأشخاص من حولي
home-link-people-text = موظفو الرعاية الذين يساعدونك، وماذا يفعلون، وكيف تتواصل معهم.
home-link-offer-title = عرضي
home-link-offer-text = المساعدة والمال الذي يمكنك الحصول عليه الآن، وما سيأتي لاحقًا.
home-link-account-title = حسابي
home-link-account-text = كلمة المرور، والأجهزة التي سجّلت الدخول منها، ومن اطّلع على سجلاتك.
