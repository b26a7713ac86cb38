# المراجعات ونموذج "جيد بالنسبة لي" (المسألة 6): ما يقرؤه الشاب أو الشابة.

# مراجعتي
reviews-my-title = مراجعتي
reviews-loading = مراجعتك
reviews-about = المراجعة اجتماع للتأكد من أن خطتك مناسبة لك. يديره مسؤول المراجعة المستقل الخاص بك: شخص غير الأخصائي الاجتماعي، عمله أن يتأكد من أن خطتك صحيحة لك. يمكنك أن تقول رأيك قبله، ويمكنك أن تطلب أن يكون في وقت أقرب.
reviews-about-leaver = مراجعة خطة المسار تتأكد من أن خطتك ما زالت مناسبة لك. يمكنك أن تقول رأيك قبلها، ويمكنك أن تطلب أن تكون في وقت أقرب.
reviews-next-title = اجتماع مراجعتك القادم
reviews-today = اليوم
reviews-tomorrow = غدًا
reviews-in-days = عدد الأيام الباقية: { $days }
reviews-when = متى
reviews-where = أين
reviews-who-runs-it = من يديره
reviews-who-is-invited = من المدعوون
reviews-invited-not-yet = سيخبرك مسؤول المراجعة قريبًا.
reviews-when-from-to = { $day }، من { $start } إلى { $end }
reviews-when-at = { $day } الساعة { $start }
reviews-add-to-calendar = أضفه إلى تقويمي
reviews-calendar-done = أصبح الاجتماع على هاتفك الآن. افتح الملف لتضيفه إلى تقويمك.
reviews-none-booked = لم يُحجز اجتماع مراجعة بعد. سيخبرك مسؤول المراجعة عندما يُحجز.
reviews-due-by = يجب أن تكون مراجعتك القادمة قبل { $date }.
reviews-due-late = كان يجب أن تكون مراجعتك القادمة قبل { $date }. مسؤول المراجعة يعرف ذلك، وسيحجزها قريبًا.

# كيف سأشارك
reviews-take-part-title = كيف ستشارك
reviews-take-part-question = كيف تريد أن تشارك؟
reviews-take-part-hint = يمكنك أن تغيّر رأيك في أي وقت قبل الاجتماع. سيرى مسؤول المراجعة اختيارك.
reviews-part-not-decided = لم تقرر بعد كيف ستشارك.
reviews-part-attend = ستحضر الاجتماع.
reviews-part-chair = سترأس الاجتماع، بمساعدة مسؤول المراجعة.
reviews-part-lead = ستقود جزءًا من الاجتماع بنفسك.
reviews-part-send-views = سترسل رأيك بدلًا من الحضور.
reviews-choice-attend = أحضر الاجتماع
reviews-choice-chair = أرأس الاجتماع (أكون المسؤول عنه، مع المساعدة)
reviews-choice-lead = أقود جزءًا منه (أبدؤه، أو أقول رأيي بنفسي)
reviews-choice-send-views = أرسل رأيي بدلًا من الحضور
reviews-choice-not-decided = لست متأكدًا بعد
reviews-choice-save = احفظ اختياري
reviews-choice-pick-one = اختر واحدًا من الخيارات أولًا.
reviews-choice-saved = تم الحفظ. يستطيع مسؤول المراجعة أن يرى اختيارك.
reviews-saving = جارٍ الحفظ…

# أن أخبر مسؤول المراجعة برأيي
reviews-feedback-title = أخبر مسؤول المراجعة برأيك
reviews-feedback-not-started = قبل الاجتماع، يمكنك أن تخبر مسؤول المراجعة كيف تسير الأمور وما الذي تريد أن تتحدث عنه. لن يقرأ ذلك إلا الأشخاص الذين تختارهم.
reviews-feedback-started = لقد بدأت. إجاباتك محفوظة، فيمكنك أن تكمل.
reviews-feedback-queued = إجاباتك تنتظر الإرسال. ستُرسل عندما يعود هاتفك إلى الاتصال بالإنترنت.
reviews-feedback-sent = لقد أرسلت رأيك. شكرًا لك.
reviews-feedback-start = أخبر مسؤول المراجعة برأيي
reviews-feedback-continue = أكمل إجاباتي
reviews-feedback-see = اعرض ما أرسلته

# هل يمكن أن تكون مراجعتي في وقت أقرب؟
reviews-earlier-title = هل يمكن أن تكون مراجعتي في وقت أقرب؟
reviews-earlier-intro = إذا تغيّر شيء ما، أو كنت قلقًا من شيء ما، يمكنك أن تطلب أن تكون مراجعتك في وقت أقرب.
reviews-earlier-waiting = لقد طلبت أن تكون مراجعتك في وقت أقرب. سيتحدث معك مسؤول المراجعة في ذلك.
reviews-earlier-button = اطلب أن تكون مراجعتي في وقت أقرب
reviews-earlier-why = لماذا تريدها في وقت أقرب؟ لست مضطرًا لأن تقول.
reviews-earlier-why-hint = سيقرأ هذا الأشخاص الذين يعملون معك.
reviews-earlier-send = أرسل طلبي
reviews-earlier-sent = تم الإرسال. يعرف الآن الأشخاص الذين يعملون معك، وسيتحدثون معك في ذلك.

# مراجعات سابقة
reviews-past-title = المراجعات التي حضرتها
reviews-past-none = لم تكن لك مراجعة هنا بعد.
reviews-past-on = المراجعة في { $date }
reviews-past-talked = ما تحدثنا عنه
reviews-past-decided = ما تقرر
reviews-you-said-we-did = قلتَ، وفعلنا
reviews-answer-by = من { $name }، { $when }.

# الرسالة اللطيفة عندما تدل الكلمات على أن أحدًا قد لا يكون في أمان
reviews-support-title = لست مضطرًا لأن تواجه هذا وحدك
reviews-support-message = يبدو أن الأمور قد تكون صعبة جدًا عليك الآن. يمكنك أن تتحدث مع خط Childline عن أي شيء. الاتصال مجاني، ويمكنك أن تتصل في أي وقت، ليلًا أو نهارًا.
reviews-support-childline = اتصل بـ Childline مجانًا: { $phone }
reviews-support-duty = اتصل بمكتب المناوبة: { $phone }
reviews-support-worker = سنخبر أيضًا الموظف المسؤول عنك (أو فريق المناوبة خارج أوقات العمل)، حتى يستطيع أحد أن يساعدك.

# النموذج
reviews-form-title = أخبر مسؤول المراجعة برأيك
reviews-form-loading = جارٍ إحضار النموذج…
reviews-form-no-review = لا يوجد اجتماع مراجعة محجوز لك الآن، فلا يوجد شيء لتملأه بعد. سيخبرك مسؤول المراجعة عندما يوجد.
reviews-form-for = لمراجعتك في { $when }.
reviews-form-offline-copy = أنت غير متصل بالإنترنت. ما زال بإمكانك أن تملأ هذا: إجاباتك محفوظة على هذا الهاتف.
reviews-form-skip-any = يمكنك أن تتخطى أي سؤال. تُحفظ إجاباتك على هذا الهاتف أثناء الكتابة، حتى لو أغلقت التطبيق.
reviews-form-comment = قل السبب، إذا أردت
reviews-form-clear = تراجع عن إجابتي
reviews-form-send = أرسل
reviews-form-send-now = حاول الإرسال الآن
reviews-back-to-review = العودة إلى مراجعتي
reviews-status-on-phone = محفوظ على هذا الهاتف.
reviews-status-offline = محفوظ على هذا الهاتف. أنت غير متصل بالإنترنت، لذلك سيُحفظ على الإنترنت عندما تعود.
reviews-status-not-kept = لم يستطع هذا الهاتف أن يحفظ إجاباتك. من فضلك لا تغلق التطبيق حتى ترسلها.
reviews-status-saved = محفوظ على هذا الهاتف وعلى الإنترنت.
reviews-status-queued = في انتظار الإرسال. أنت غير متصل بالإنترنت. سيُرسل وحده عندما تعود إلى الاتصال.
reviews-status-sending = جارٍ الإرسال…

# من يقرؤه
reviews-readers-title = من يستطيع أن يقرأ هذا؟
reviews-readers-hint = ضع علامة على من تريد أن يقرأ إجاباتك. وضعنا علامة على بعض الأشخاص في البداية: يمكنك أن تغيّر ذلك.
reviews-readers-none = ليس لديك موظفون لترسل إليهم هذا بعد. اطلب من مقدم الرعاية أن يخبر المجلس المحلي.
reviews-reader-iro = { $name }، مسؤول المراجعة المستقل الخاص بك (الشخص الذي يدير اجتماعات مراجعتك)
reviews-reader-social-worker = { $name }، الأخصائي الاجتماعي الخاص بك
reviews-reader-personal-adviser = { $name }، المستشار الشخصي الخاص بك
reviews-role-iro = مسؤول المراجعة الخاص بك
reviews-role-social-worker = الأخصائي الاجتماعي الخاص بك
reviews-role-personal-adviser = المستشار الشخصي الخاص بك
reviews-list-and = { $first } و{ $last }
reviews-who-sees = لن يرى إجاباتك إلا { $names }. سيقرؤونها قبل مراجعتك.
reviews-who-sees-nobody = لم تختر أحدًا بعد. اختر شخصًا واحدًا على الأقل ليقرأ هذا.
reviews-who-sees-safety = إذا كتبت شيئًا يجعلنا قلقين على سلامتك، فسنخبر أيضًا الموظف المسؤول عنك (أو فريق المناوبة خارج أوقات العمل) حتى يستطيع أحد أن يساعدك.
reviews-choose-a-reader = اختر شخصًا واحدًا على الأقل ليقرأ هذا.

# بعد الإرسال
reviews-sent-title = تم الإرسال. شكرًا لك لأنك أخبرتنا برأيك.
reviews-sent-when = أرسلته { $when }.
reviews-sent-answer-later = بعد مراجعتك، سيرد مسؤول المراجعة هنا على ما قلته.
reviews-sent-what = ما أرسلته

# الصفحة الرئيسية
reviews-home-link-title = مراجعتي
reviews-home-link-text = اجتماع مراجعتك القادم، وأن تخبر مسؤول المراجعة برأيك.
# Page titles (found by their English words in route.rs).
title-my-review = مراجعتي
title-my-review-feedback = أخبر مسؤول المراجعة برأيك
