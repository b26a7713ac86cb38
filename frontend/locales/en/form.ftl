# Every form: the summary of problems, passwords.
form-problem = There is a problem
form-show-password = Show password
form-hide-password = Hide password
form-error = Error:
form-not-yet = Not yet:
form-good = Good:
form-password-ok = this password can be used.
