# The one root configuration of both environments and of their standbys. Which environment it is comes
# from <environment>/environment.tfvars (<environment>-dr/environment.tfvars for the pilot light), which account and domain from the operator's
# <environment>/terraform.tfvars (or the terraform pipeline's TF_VAR_* values), the state from
# <environment>/backend.hcl. The providers refuse any other account than var.account_id, so a state,
# variables and credentials of different environments cannot meet.
module "stack" {
  source = "../modules/stack"

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
    aws.dr        = aws.dr
  }

  environment                = var.environment
  deployment                 = var.deployment
  pilot_light_enabled        = var.pilot_light_enabled
  global_name_suffix         = var.global_name_suffix
  standby_global_name_suffix = var.standby_global_name_suffix
  project                    = var.project
  account_id                 = var.account_id
  dr_region                  = var.dr_region
  domain_name                = var.domain_name
  hosted_zone_id             = var.hosted_zone_id
  alarm_email                = var.alarm_email
  image_tag                  = var.image_tag
  operator_principal_arns    = var.operator_principal_arns
  repository_id              = var.repository_id
  branch                     = var.branch
  terraform_state_bucket     = var.terraform_state_bucket

  restored_cluster_identifier = var.restored_cluster_identifier
  restored_cluster_endpoint   = var.restored_cluster_endpoint
  restored_cluster_secret_arn = var.restored_cluster_secret_arn
}
