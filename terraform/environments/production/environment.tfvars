# The environment this directory stands for; its sizes are modules/stack's "production" profile.
environment = "production"
