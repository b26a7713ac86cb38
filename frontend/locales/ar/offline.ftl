# التطبيق على الهاتف: إصدار جديد، والمعلومات المحفوظة لوقت انقطاع الإنترنت.
offline-update-ready = يوجد إصدار جديد من Good for Me جاهز.
offline-update-reload = أعد التحميل للحصول عليه
offline-back-online = عاد اتصالك بالإنترنت.
offline-show-latest = اعرض أحدث المعلومات
