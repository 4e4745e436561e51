data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  # One build project per pipeline, each with its buildspec and the paths whose changes start it.
  all_builds = {
    terraform = { buildspec = "buildspec/terraform.yml", paths = ["terraform/**", "buildspec/terraform.yml"] }
    backend   = { buildspec = "buildspec/backend.yml", paths = ["backend/**", "Dockerfile", "buildspec/backend.yml"] }
    frontend  = { buildspec = "buildspec/frontend.yml", paths = ["frontend/**", "buildspec/frontend.yml"] }
  }
  builds          = { for k, v in local.all_builds : k => v if contains(var.pipelines, k) }
  log_group_names = { for k, _ in local.builds : k => "/aws/codebuild/${var.name}-${k}" }
}

# Completed once by hand in the console (Developer Tools > Connections): AWS cannot install the GitHub app itself.
resource "aws_codestarconnections_connection" "this" {
  name          = "${var.name}-github"
  provider_type = "GitHub"

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_338:Build logs matter for days, not a year; retention is a variable.
  for_each = local.log_group_names

  name              = each.value
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}
