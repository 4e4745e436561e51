terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
      # aws.dr is the disaster-recovery region (us-west-2) that receives a copy of every recovery point.
      configuration_aliases = [aws.dr]
    }
  }
}
