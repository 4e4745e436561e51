terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
    }
  }

  # Partial configuration: `terraform init -backend-config=<environment>/backend.hcl` (see
  # staging/backend.hcl.example). The state is locked with S3's own lock file (<key>.tflock beside the
  # state), not a DynamoDB table.
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
