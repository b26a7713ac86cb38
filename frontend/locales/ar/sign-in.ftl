# "تسجيل الدخول".
sign-in-title = تسجيل الدخول
sign-in-username = اسم المستخدم
sign-in-password = كلمة المرور
sign-in-type-username = اكتب اسم المستخدم.
sign-in-type-password = اكتب كلمة المرور.
sign-in-to-see-page = سجّل الدخول من فضلك لترى تلك الصفحة.
sign-in-button = تسجيل الدخول
sign-in-busy = جارٍ تسجيل الدخول…
sign-in-first-time-html = <h2>هل هذه أول مرة لك هنا؟</h2><p>سيعطيك موظف الرعاية رمزًا. تستخدمه لتختار كلمة المرور.</p><p><a class="button button-secondary" href="/activate">عندي رمز من موظف الرعاية</a></p><h2>نسيت كلمة المرور؟</h2><p>اطلب رمزًا جديدًا من موظف الرعاية. ثم استخدمه لتختار كلمة مرور جديدة.</p>
