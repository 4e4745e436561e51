terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
      # aws: the stack's region. aws.us_east_1: CloudFront's certificate and WAF (us-east-1 only).
      # aws.dr: the region that receives the backup copies.
      configuration_aliases = [aws.us_east_1, aws.dr]
    }
  }
}
