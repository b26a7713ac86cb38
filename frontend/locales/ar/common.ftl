app-name = Good for Me
loading = جارٍ التحميل…
try-again = حاول مرة أخرى
saved-on = تم الحفظ في { $date }. أنت غير متصل، لذلك قد تكون هذه المعلومات قديمة.
language-name = العربية
