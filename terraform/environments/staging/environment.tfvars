# The environment this directory stands for; its sizes are modules/stack's "staging" profile.
environment = "staging"
