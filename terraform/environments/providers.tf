locals {
  # The pilot light reaches no other region: it creates nothing at the edge (the primary's distribution,
  # WAF and certificate serve both) and nothing in the primary's region, so both aliases are its own
  # region, and a plan of it never calls us-east-1.
  pilot_light = var.deployment == "pilot_light"

  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

# Every provider refuses credentials of any account but this environment's own.
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.tags
  }
}

# CloudFront takes its certificate and WAF web ACL from us-east-1 only, whatever the main region.
provider "aws" {
  alias               = "us_east_1"
  region              = local.pilot_light ? var.region : "us-east-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.tags
  }
}

# Disaster-recovery region: receives copies of the database's recovery points, the replicas and the
# failover switch.
provider "aws" {
  alias               = "dr"
  region              = local.pilot_light ? var.region : var.dr_region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.tags
  }
}
