# الصفحة الرئيسية.
home-welcome = مرحبًا بك في Good for Me
home-welcome-lead = هذا التطبيق لك إذا كنت في الرعاية، أو إذا كنت قد تركت الرعاية.
home-start-actions-html = <div class="actions"><a class="button" href="/sign-in">تسجيل الدخول</a><a class="button button-secondary" href="/activate">عندي رمز من موظف الرعاية</a></div>
home-what-for-html = <h2>لماذا هذا التطبيق؟</h2><p>يساعدك على معرفة المساعدة التي يمكنك الحصول عليها، وعلى متابعة خططك. أنت صاحب القرار في قصتك.</p>
home-your-council = مجلسك المحلي هو { $council }.
home-what-help-html = <h2>ما المساعدة التي يمكنني الحصول عليها؟</h2><p>لدى المجلس المحلي قائمة بالمساعدة والمال الذي يقدمه للشباب في الرعاية وللذين تركوا الرعاية. <a href="/offer">اطّلع على العرض المحلي</a>.</p>
home-who-sees-html = <h2>من يستطيع أن يرى ماذا؟</h2><p>أشياؤك خاصة بك. اعرف من يستطيع رؤيتها في صفحة <a href="/about">عن هذا التطبيق</a>.</p>
home-hi = مرحبًا يا { $name }
home-signed-in-lead = سعداء برؤيتك. هذا ما يحدث معك الآن.
home-link-plan-title = خطتي
home-link-plan-text = خطتك بكلمات بسيطة. اسأل عن أي شيء غير واضح.
home-link-people-title = الأشخاص من حولي
home-link-people-text = موظفو الرعاية الذين يساعدونك، وماذا يفعلون، وكيف تتواصل معهم.
home-link-offer-title = عرضي
home-link-offer-text = المساعدة والمال الذي يمكنك الحصول عليه الآن، وما سيأتي لاحقًا.
home-link-account-title = حسابي
home-link-account-text = كلمة المرور، والأجهزة التي سجّلت الدخول منها، ومن اطّلع على سجلاتك.
home-link-notifications-title = الإشعارات
home-link-notifications-text = أخبار عن خطتك، وعرضك، واجتماعات المراجعة الخاصة بك.
home-link-forum-title = رحلات إيجابية
home-link-forum-text = تحدّث مع شباب آخرين في الرعاية، وشارك في الفعاليات، وقل رأيك.

# ما تعرضه الصفحة الرئيسية. للرسائل التي فيها عدد أربع صيغ: واحد، اثنان،
# من 3 إلى 10، ومن 11 فما فوق.
home-loading = صفحتك الرئيسية
home-review-on = اجتماع المراجعة القادم الخاص بك يوم { $date }.
home-review-today = الاجتماع اليوم.
home-review-tomorrow = الاجتماع غدًا.
home-review-in-days-two = بقي يومان.
home-review-in-days-few = بقيت { $count } أيام.
home-review-in-days-many = بقي { $count } يومًا.
home-review-none = لم يُحدَّد موعد لاجتماع المراجعة بعد. سنخبرك عندما يُحدَّد.
home-form-not-done = استمارتك للاجتماع: لم تُملأ بعد. يمكنك أن تملأها إذا أردت.
home-form-started = استمارتك للاجتماع: بدأت بملئها. إجاباتك محفوظة.
home-form-queued = استمارتك للاجتماع: تنتظر الإرسال. ستُرسل عندما يعود هاتفك إلى الاتصال بالإنترنت.
home-form-done = استمارتك للاجتماع: اكتملت. شكرًا لك.
home-form-start = املأ استمارتي
home-form-carry-on = أكمل استمارتي
home-form-see = اطّلع على ما أرسلته
home-people-none = سيظهر هنا موظفو الرعاية الخاصون بك عندما يضيفهم المجلس المحلي.
home-person = { $name }، { $worker } الخاص بك
home-plan-none = خطتك ليست جاهزة بعد. سيشاركها معك موظف الرعاية.
home-plan-shared = وصلتك خطتك { $when }.
home-plan-changed = تغيّرت خطتك { $when }.
home-plan-what-changed = ما الذي تغيّر: { $parts }.
home-comma = ،
home-offer-nothing-new = لا يوجد شيء جديد في عرضك مؤخرًا.
home-offer-new = الجديد مؤخرًا:
home-offer-more-one = وشيء آخر في صفحة عرضي.
home-offer-more-two = وشيئان آخران في صفحة عرضي.
home-offer-more-few = و{ $count } أشياء أخرى في صفحة عرضي.
home-offer-more-many = و{ $count } شيئًا آخر في صفحة عرضي.
home-offer-requests-one = هناك أخبار عن شيء واحد سألت عنه.
home-offer-requests-two = هناك أخبار عن شيئين سألت عنهما.
home-offer-requests-few = هناك أخبار عن { $count } أشياء سألت عنها.
home-offer-requests-many = هناك أخبار عن { $count } شيئًا سألت عنه.
home-unread-none = لا توجد إشعارات جديدة.
home-unread-one = لديك إشعار جديد واحد.
home-unread-two = لديك إشعاران جديدان.
home-unread-few = لديك { $count } إشعارات جديدة.
home-unread-many = لديك { $count } إشعارًا جديدًا.
