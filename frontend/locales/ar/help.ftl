# "احصل على المساعدة الآن" ولوحة المساعدة. أرقام الهواتف و"Childline" تبقى كما هي.
help-need-help-now = هل تحتاج إلى مساعدة الآن؟
help-getting-phone = جارٍ الحصول على رقم هاتف مجلسك المحلي…
help-council-can-help = { $council } يمكنه مساعدتك في النهار أو في الليل.
help-call = اتصل بالرقم { $phone }
help-ask-for-phone = اطلب رقم هاتف مجلسك المحلي من موظف الرعاية.
help-no-phone = لم نستطع الحصول على رقم هاتف مجلسك المحلي.
help-childline-html = <p>يمكنك أيضًا الاتصال بـ Childline مجانًا على الرقم <a href="tel:08001111"><span dir="ltr">0800 1111</span></a>. هم موجودون في أي وقت، ولا يجب أن تقول اسمك.</p>
help-danger-999 = إذا كنت في خطر الآن، اتصل بالرقم 999.
help-call-999 = اتصل بالرقم 999
help-page-top-html = <h1>احصل على المساعدة الآن</h1><p class="lead">لست مضطرًا أن تواجه الأمور وحدك. هناك من سيستمع إليك.</p><section class="help-panel help-panel-urgent" aria-labelledby="danger"><h2 id="danger">إذا كنت في خطر</h2><p>إذا كنت أنت أو شخص آخر في خطر الآن، اتصل بالرقم 999.</p><a class="button button-call" href="tel:999">اتصل بالرقم 999</a></section>
help-talk-council = تحدّث إلى مجلسك المحلي
help-talk-childline = تحدّث إلى Childline
help-someone-html = <section aria-labelledby="someone"><h2 id="someone">تحدّث إلى شخص تثق به</h2><p>قد يكون الشخص الذي يعتني بك، أو موظف الرعاية، أو معلّمًا، أو أحد الكبار في عائلة صديقك.</p></section>
