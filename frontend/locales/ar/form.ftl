# كل النماذج.
form-problem = هناك مشكلة
form-show-password = أظهر كلمة المرور
form-hide-password = أخفِ كلمة المرور
form-error = خطأ:
form-not-yet = ليس بعد:
form-good = جيد:
form-password-ok = يمكن استخدام كلمة المرور هذه.
