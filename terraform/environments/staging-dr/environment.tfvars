# The pilot light of staging: the same composition applied in us-west-2, with its own state there
# (backend.hcl) and a suffix on every account-wide name. Its sizes are modules/stack's "staging" profile.
environment        = "staging"
deployment         = "pilot_light"
region             = "us-west-2"
dr_region          = "us-east-1"
global_name_suffix = "-usw2"
