# A fresh installation with no council yet: what the operator runs on the
# server. For the council's IT team, so English only.
setup-title = Good for Me is installed
setup-lead = Good for Me is installed but no council is set up yet.
setup-run = On the server, run these commands (the README's "Operator commands" explains each, and `backend help` lists them):
setup-then = The last command prints a one-time code. The administrator opens this app, chooses "Choose your password", types the code and signs in. This page goes away once a council is set up.
