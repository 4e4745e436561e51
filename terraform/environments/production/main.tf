data "aws_region" "current" {}

locals {
  environment   = "production"
  name          = "${var.project}-${local.environment}"
  function_name = "${local.name}-api"
  # The terraform pipeline plans with the same inputs as an operator's terraform.tfvars.
  pipeline_terraform_variables = merge(
    {
      domain_name             = var.domain_name
      hosted_zone_id          = var.hosted_zone_id
      image_tag               = var.image_tag
      operator_principal_arns = jsonencode(var.operator_principal_arns)
      repository_id           = var.repository_id
      branch                  = var.branch
      terraform_state_bucket  = var.terraform_state_bucket
      terraform_lock_table    = var.terraform_lock_table
    },
    var.alarm_email == null ? {} : { alarm_email = var.alarm_email },
    # After a fail-back onto a restored cluster the pipeline must keep pointing at it, not create a new one.
    var.restored_cluster_identifier == null ? {} : {
      restored_cluster_identifier = var.restored_cluster_identifier
      restored_cluster_endpoint   = var.restored_cluster_endpoint == null ? "" : var.restored_cluster_endpoint
      restored_cluster_secret_arn = var.restored_cluster_secret_arn == null ? "" : var.restored_cluster_secret_arn
    },
  )

  tags = {
    Project     = var.project
    Environment = local.environment
    ManagedBy   = "terraform"
  }
}

module "network" {
  source = "../../modules/network"

  name                    = local.name
  availability_zones      = ["${data.aws_region.current.name}a", "${data.aws_region.current.name}b"]
  nat_gateway_mode        = var.nat_gateway_mode
  flow_log_retention_days = var.log_retention_days
  tags                    = local.tags
}

module "database" {
  source = "../../modules/database"

  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  availability_zones       = module.network.availability_zones
  client_security_group_id = module.network.lambda_security_group_id
  min_capacity             = var.db_min_capacity
  max_capacity             = var.db_max_capacity
  deletion_protection      = var.db_deletion_protection
  log_retention_days       = var.log_retention_days
  tags                     = local.tags

  # Disaster recovery: point at the restored cluster instead of creating one (docs/RUNBOOK_DR.md).
  restored_cluster_identifier = var.restored_cluster_identifier
  restored_cluster_endpoint   = var.restored_cluster_endpoint
  restored_cluster_secret_arn = var.restored_cluster_secret_arn
}

# A full apply with a restored cluster needs its endpoint and secret (docs/RUNBOOK_DR.md, step 4). Checked
# here rather than in a variable validation because step 2 applies, with -target, the network, the
# database module and the ECR repository with the identifier alone (before the restore exists): this
# resource is outside those targets, so only a full plan evaluates it. It exists only while restored.
resource "terraform_data" "restored_cluster" {
  count = var.restored_cluster_identifier == null ? 0 : 1

  input = {
    identifier = var.restored_cluster_identifier
    endpoint   = var.restored_cluster_endpoint
    secret_arn = var.restored_cluster_secret_arn
  }

  lifecycle {
    precondition {
      condition     = var.restored_cluster_endpoint != null && var.restored_cluster_secret_arn != null
      error_message = "restored_cluster_identifier is set: a full apply also needs restored_cluster_endpoint and restored_cluster_secret_arn (both printed by ops.dr restore); only the runbook's step 2 (apply -target=module.network -target=module.database -target=module.backend.aws_ecr_repository.this) may set the identifier alone."
    }

    precondition {
      condition     = var.restored_cluster_endpoint == null || startswith(coalesce(var.restored_cluster_endpoint, "-"), "${coalesce(var.restored_cluster_identifier, "-")}.cluster-")
      error_message = "restored_cluster_endpoint must be the writer endpoint of restored_cluster_identifier (<identifier>.cluster-<id>.<region>.rds.amazonaws.com)."
    }
  }
}

module "cache" {
  source = "../../modules/cache"

  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.network.lambda_security_group_id
  redis_url_parameter_name = "/${local.name}/redis-url"
  tags                     = local.tags
}

module "observability" {
  source = "../../modules/observability"

  name                      = local.name
  function_name             = local.function_name
  api_id                    = module.backend.api_id
  db_cluster_id             = module.database.cluster_id
  cache_name                = module.cache.cache_name
  cache_ecpu_per_second_max = 5000
  cache_data_storage_max_gb = 10
  alarm_email               = var.alarm_email
  log_retention_days        = var.log_retention_days
  tags                      = local.tags
}

module "backend" {
  source = "../../modules/backend"

  name                     = local.name
  function_name            = local.function_name
  image_tag                = var.image_tag
  memory_mb                = var.lambda_memory_mb
  timeout_seconds          = var.lambda_timeout_seconds
  reserved_concurrency     = var.lambda_reserved_concurrency
  provisioned_concurrency  = var.lambda_provisioned_concurrency
  subnet_ids               = module.network.private_subnet_ids
  security_group_ids       = [module.network.lambda_security_group_id]
  log_group_name           = module.observability.lambda_log_group_name
  log_group_arn            = module.observability.lambda_log_group_arn
  api_access_log_group_arn = module.observability.api_access_log_group_arn
  site_domain              = var.domain_name
  database_secret_arn      = module.database.master_user_secret_arn
  database_host            = module.database.endpoint
  database_port            = 5432
  database_name            = module.database.database_name
  redis_url_parameter_name = module.cache.redis_url_parameter_name
  redis_url_parameter_arn  = module.cache.redis_url_parameter_arn
  decrypt_kms_key_arns     = [module.database.kms_key_arn, module.cache.kms_key_arn]
  tags                     = local.tags
}

module "frontend" {
  source = "../../modules/frontend"

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name               = local.name
  domain_name        = var.domain_name
  hosted_zone_id     = var.hosted_zone_id
  api_domain_name    = module.backend.api_domain_name
  waf_rate_limit     = var.waf_rate_limit
  log_retention_days = var.log_retention_days
  tags               = local.tags
}

module "backup" {
  source = "../../modules/backup"

  providers = {
    aws    = aws
    aws.dr = aws.dr
  }

  name          = local.name
  resource_arns = [module.database.cluster_arn]
  tags          = local.tags
}

module "iam" {
  source = "../../modules/iam"

  name                   = local.name
  trusted_principal_arns = var.operator_principal_arns
  dr_region              = var.dr_region
  dr_vault_arn           = module.backup.dr_vault_arn
  dr_kms_key_arn         = module.backup.dr_kms_key_arn
  backup_role_arn        = module.backup.role_arn
  tags                   = local.tags
}

module "pipeline" {
  source = "../../modules/pipeline"

  name                    = local.name
  environment             = local.environment
  require_manual_approval = local.environment == "production"
  repository_id           = var.repository_id
  branch                  = var.branch
  terraform_state_bucket  = var.terraform_state_bucket
  terraform_lock_table    = var.terraform_lock_table
  terraform_variables     = local.pipeline_terraform_variables
  ecr_repository_arn      = module.backend.ecr_repository_arn
  ecr_repository_url      = module.backend.ecr_repository_url
  ecr_kms_key_arn         = module.backend.kms_key_arn
  function_name           = module.backend.function_name
  function_arn            = module.backend.function_arn
  site_bucket_arn         = module.frontend.bucket_arn
  site_bucket_name        = module.frontend.bucket_name
  site_kms_key_arn        = module.frontend.kms_key_arn
  distribution_arn        = module.frontend.distribution_arn
  distribution_id         = module.frontend.distribution_id
  site_url                = module.frontend.site_url
  log_retention_days      = var.log_retention_days
  tags                    = local.tags
}
