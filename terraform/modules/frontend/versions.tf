terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
      # CloudFront only accepts ACM certificates and WAF web ACLs from us-east-1. aws.dr: the standby
      # region holding the site's replica.
      configuration_aliases = [aws.us_east_1, aws.dr]
    }
  }
}
