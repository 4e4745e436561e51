provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# CloudFront takes its certificate and WAF web ACL from us-east-1 only, whatever the main region.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

# Disaster-recovery region: receives copies of the database's recovery points.
provider "aws" {
  alias  = "dr"
  region = var.dr_region

  default_tags {
    tags = local.tags
  }
}
