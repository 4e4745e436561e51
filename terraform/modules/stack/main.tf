data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  name        = "${var.project}-${var.environment}"
  global_name = "${local.name}${var.global_name_suffix}"

  function_name         = "${local.name}-api"
  migrate_function_name = "${local.name}-migrate"

  # The pilot light: this stack applied in the disaster-recovery region (its own state there, and
  # global_name_suffix so that its account-wide names never meet the primary's). It holds what a
  # failover needs made in advance; the primary holds the standby's replicas and the failover switch.
  pilot_light      = var.deployment == "pilot_light"
  standby_prepared = !local.pilot_light && (var.pilot_light_enabled != null ? var.pilot_light_enabled : local.profile.pilot_light_enabled)
  state_key        = "${var.project}/${var.environment}${local.pilot_light ? "-dr" : ""}/terraform.tfstate"
  origin_domain    = "api-origin.${var.domain_name}"
  failover_switch  = "${local.name}-failover"
  restored_cluster = local.pilot_light ? "${local.name}-dr" : var.restored_cluster_identifier
  pipeline_dir     = "${var.environment}${local.pilot_light ? "-dr" : ""}"

  # What differs between the environments, and only that. docs/COST.md prices both columns.
  profiles = {
    staging = {
      db_min_capacity         = 0 # pauses after 5 idle minutes; the first request waits for the resume
      db_max_capacity         = 4
      db_instance_count       = 1
      db_deletion_protection  = false
      db_enhanced_monitoring  = false
      log_retention_days      = 30
      warmup_enabled          = false # a warm function keeps nothing warm when the database pauses
      dashboard_enabled       = false
      backup_hourly_retention = null # daily points only, still copied to the DR region
      backup_daily_retention  = 30
      require_manual_approval = false
      ecr_images_to_keep      = 10
      pilot_light_enabled     = false # a standby in us-west-2 costs more than staging's budget has left (docs/COST.md)
    }
    production = {
      db_min_capacity         = 0.5 # never pauses: no user waits for a resume
      db_max_capacity         = 8
      db_instance_count       = 1 # the writer; a failover reader doubles the database's floor (docs/COST.md)
      db_deletion_protection  = true
      db_enhanced_monitoring  = true
      log_retention_days      = 365
      warmup_enabled          = true
      dashboard_enabled       = true
      backup_hourly_retention = 7 # hourly copies in the DR region: a 1-hour recovery point
      backup_daily_retention  = 90
      require_manual_approval = true
      ecr_images_to_keep      = 20
      pilot_light_enabled     = true
    }
  }
  profile = local.profiles[var.environment]

  db_min_capacity    = var.db_min_capacity != null ? var.db_min_capacity : local.profile.db_min_capacity
  db_max_capacity    = var.db_max_capacity != null ? var.db_max_capacity : local.profile.db_max_capacity
  db_instance_count  = var.db_instance_count != null ? var.db_instance_count : local.profile.db_instance_count
  log_retention_days = var.log_retention_days != null ? var.log_retention_days : local.profile.log_retention_days

  # Zones by ID: zone names map to different physical zones in each account. These IDs host every
  # service the stack uses; another region needs availability_zone_ids.
  zone_ids = {
    "us-east-1" = ["use1-az1", "use1-az2"]
    "us-west-2" = ["usw2-az1", "usw2-az2"]
  }
  availability_zone_ids = var.availability_zone_ids != null ? var.availability_zone_ids : lookup(local.zone_ids, local.region, null)

  # The terraform pipeline plans with the same inputs as an operator's terraform.tfvars.
  pipeline_terraform_variables = merge(
    {
      account_id              = var.account_id
      domain_name             = var.domain_name
      hosted_zone_id          = var.hosted_zone_id
      image_tag               = var.image_tag
      operator_principal_arns = jsonencode(var.operator_principal_arns)
      repository_id           = var.repository_id
      branch                  = var.branch
      terraform_state_bucket  = var.terraform_state_bucket
    },
    var.alarm_email == null ? {} : { alarm_email = var.alarm_email },
    # A standby prepared against the profile (staging's drill) must not be taken down by the next run.
    var.pilot_light_enabled == null ? {} : { pilot_light_enabled = tostring(var.pilot_light_enabled) },
    # After a fail-back onto a restored cluster the pipeline must keep pointing at it, not create a new one.
    var.restored_cluster_identifier == null ? {} : {
      restored_cluster_identifier = var.restored_cluster_identifier
      restored_cluster_endpoint   = var.restored_cluster_endpoint == null ? "" : var.restored_cluster_endpoint
      restored_cluster_secret_arn = var.restored_cluster_secret_arn == null ? "" : var.restored_cluster_secret_arn
    },
  )
}

# One account per environment: a plan with another environment's account fails here (the root's
# providers also refuse any account but var.account_id).
resource "terraform_data" "account" {
  input = var.account_id

  lifecycle {
    precondition {
      condition     = local.account_id == var.account_id
      error_message = "These credentials are for account ${local.account_id}, not ${var.environment}'s account ${var.account_id}."
    }

    precondition {
      condition     = local.availability_zone_ids != null
      error_message = "No default zone IDs for ${local.region}: set availability_zone_ids."
    }

    precondition {
      condition     = !local.pilot_light || var.global_name_suffix != ""
      error_message = "The pilot light shares the account with the primary: set global_name_suffix (e.g. -usw2) so that no account-wide name is the primary's."
    }

    precondition {
      condition     = !local.pilot_light || var.restored_cluster_identifier == null
      error_message = "The pilot light's cluster is restored by ops.dr restore on the day (as <name>-dr); restored_cluster_* are for a primary running on a restored cluster."
    }
  }
}

module "network" {
  source = "../network"

  name                     = local.name
  global_name              = local.global_name
  availability_zone_ids    = local.availability_zone_ids
  kms_key_arn              = module.key.arn
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  flow_log_retention_days  = local.log_retention_days
  tags                     = var.tags
}

module "database" {
  #checkov:skip=CKV_AWS_139:Staging is rebuilt at will and holds no user data worth keeping; production's profile sets deletion protection.
  source = "../database"

  name                     = local.name
  global_name              = local.global_name
  kms_key_arn              = module.key.arn
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  availability_zones       = module.network.availability_zones
  client_security_group_id = module.network.lambda_security_group_id
  instance_count           = local.db_instance_count
  min_capacity             = local.db_min_capacity
  max_capacity             = local.db_max_capacity
  enhanced_monitoring      = local.profile.db_enhanced_monitoring && !local.pilot_light
  deletion_protection      = local.profile.db_deletion_protection
  log_retention_days       = local.log_retention_days
  tags                     = var.tags

  # Disaster recovery: point at a restored cluster instead of creating one (docs/RUNBOOK_DR.md). The
  # pilot light's subnet group, security group and parameter group wait for the restore of the day.
  restored_cluster_identifier = local.restored_cluster
  restored_cluster_endpoint   = var.restored_cluster_endpoint
  restored_cluster_secret_arn = var.restored_cluster_secret_arn
}

# A full apply with a restored cluster (the primary after the way back, docs/RUNBOOK_DR.md) needs its
# endpoint and secret. Checked here rather than in a variable validation so that a plan targeted at the
# network and the database module may name the identifier alone (before the restore exists): this
# resource is outside those targets, so only a full plan evaluates it. It exists only while restored.
resource "terraform_data" "restored_cluster" {
  count = var.restored_cluster_identifier == null || local.pilot_light ? 0 : 1

  input = {
    identifier = var.restored_cluster_identifier
    endpoint   = var.restored_cluster_endpoint
    secret_arn = var.restored_cluster_secret_arn
  }

  lifecycle {
    precondition {
      condition     = var.restored_cluster_endpoint != null && var.restored_cluster_secret_arn != null
      error_message = "restored_cluster_identifier is set: a full apply also needs restored_cluster_endpoint and restored_cluster_secret_arn (both printed by ops.dr restore); only a plan targeted at the network and database may set the identifier alone."
    }

    precondition {
      condition     = var.restored_cluster_endpoint == null || startswith(coalesce(var.restored_cluster_endpoint, "-"), "${coalesce(var.restored_cluster_identifier, "-")}.cluster-")
      error_message = "restored_cluster_endpoint must be the writer endpoint of restored_cluster_identifier (<identifier>.cluster-<id>.<region>.rds.amazonaws.com)."
    }
  }
}

module "cache" {
  source = "../cache"

  name                     = local.name
  kms_key_arn              = module.key.arn
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.network.lambda_security_group_id
  cache_enabled            = !local.pilot_light
  tags                     = var.tags
}

module "observability" {
  source = "../observability"

  name                      = local.name
  function_name             = local.function_name
  migrate_function_name     = local.migrate_function_name
  kms_key_arn               = module.key.arn
  api_id                    = module.backend.api_id
  db_cluster_id             = module.database.cluster_id
  cache_name                = module.cache.cache_name
  cache_ecpu_per_second_max = 5000
  cache_data_storage_max_gb = module.cache.data_storage_max_gb
  dashboard_enabled         = local.profile.dashboard_enabled && !local.pilot_light
  alarms_enabled            = !local.pilot_light
  alarm_email               = var.alarm_email
  log_retention_days        = local.log_retention_days
  tags                      = var.tags
}

module "backend" {
  source = "../backend"

  name                     = local.name
  global_name              = local.global_name
  function_name            = local.function_name
  migrate_function_name    = local.migrate_function_name
  image_tag                = var.image_tag
  kms_key_arn              = module.key.arn
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  memory_mb                = var.lambda_memory_mb
  reserved_concurrency     = var.lambda_reserved_concurrency
  provisioned_concurrency  = var.lambda_provisioned_concurrency
  warmup_enabled           = local.profile.warmup_enabled && !local.pilot_light
  ecr_images_to_keep       = local.profile.ecr_images_to_keep
  subnet_ids               = module.network.private_subnet_ids
  security_group_ids       = [module.network.lambda_security_group_id]
  log_group_name           = module.observability.lambda_log_group_name
  log_group_arn            = module.observability.lambda_log_group_arn
  migrate_log_group_name   = module.observability.migrate_log_group_name
  migrate_log_group_arn    = module.observability.migrate_log_group_arn
  api_access_log_group_arn = module.observability.api_access_log_group_arn
  site_domain              = var.domain_name

  # The standby starts with no database or cache: ops.dr point gives its functions their addresses.
  standby                         = local.pilot_light
  replica_region                  = local.standby_prepared ? var.dr_region : null
  replica_kms_key_arn             = local.standby_prepared ? one(module.dr_key[*].arn) : null
  origin_domain_name              = local.origin_domain
  hosted_zone_id                  = var.hosted_zone_id
  create_origin_validation_record = !local.pilot_light
  failover_role                   = local.pilot_light ? "SECONDARY" : "PRIMARY"
  failover_health_check_id        = one(aws_route53_health_check.failover_switch[*].id)

  database_secret_arn          = module.database.master_user_secret_arn
  database_host                = module.database.endpoint == null ? "" : module.database.endpoint
  database_port                = 5432
  database_name                = module.database.database_name
  database_cluster_resource_id = module.database.cluster_resource_id

  mail_identity_arn           = module.mail.identity_arn
  mail_configuration_set_arn  = module.mail.configuration_set_arn
  mail_configuration_set_name = module.mail.configuration_set_name
  mail_from_address           = module.mail.from_address
  mail_from                   = "Habit Tracker <${module.mail.from_address}>"

  cache_host     = module.cache.endpoint_address == null ? "" : module.cache.endpoint_address
  cache_port     = module.cache.endpoint_port == null ? 6379 : module.cache.endpoint_port
  cache_name     = module.cache.cache_name
  cache_arn      = module.cache.cache_arn
  cache_user_id  = module.cache.app_user_id
  cache_user_arn = module.cache.app_user_arn

  log_retention_days = local.log_retention_days
  vapid_subject      = var.vapid_subject
  transfers = {
    bucket_name = aws_s3_bucket.transfers.id
    bucket_arn  = aws_s3_bucket.transfers.arn
    prefixes    = local.transfers_prefixes
    region      = local.region
  }

  tags = var.tags
}

module "mail" {
  source = "../mail"

  name           = local.name
  domain_name    = var.domain_name
  hosted_zone_id = var.hosted_zone_id
  # The pilot light sends from us-west-2 after a failover: its own identity and MAIL FROM subdomain
  # (SES is regional), while the domain's DMARC record is the primary's alone.
  mail_from_subdomain = "mail${local.pilot_light ? var.global_name_suffix : ""}"
  dmarc_record        = !local.pilot_light
  tags                = var.tags
}

# The site, its distribution, WAF and certificate exist once, made by the primary: CloudFront's data plane
# keeps serving through a us-east-1 outage, and the pilot light never creates them (their control planes
# are in us-east-1).
module "frontend" {
  source = "../frontend"
  count  = local.pilot_light ? 0 : 1

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
    aws.dr        = aws.dr
  }

  name                 = local.name
  global_name          = local.global_name
  kms_key_arn          = module.key.arn
  waf_log_kms_key_arn  = local.edge_key_arn
  domain_name          = var.domain_name
  hosted_zone_id       = var.hosted_zone_id
  api_domain_name      = local.origin_domain
  origin_verify_header = module.backend.origin_verify_header
  waf_rate_limit       = var.waf_rate_limit
  waf_auth_rate_limit  = var.waf_auth_rate_limit
  log_retention_days   = local.log_retention_days
  # The SPA uploads import files straight to the transfers bucket: the primary's, and after a
  # failover the standby's.
  connect_sources = local.transfers_connect_sources

  site_replica_enabled     = local.standby_prepared
  replica_kms_key_arn      = local.standby_prepared ? one(module.dr_key[*].arn) : null
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn

  tags = var.tags
}

# Backups of the primary's cluster, copied to the DR region. The pilot light has no cluster of its own
# until the day; its restored cluster keeps RDS's automated backups (ops.dr restore).
module "backup" {
  source = "../backup"
  count  = local.pilot_light ? 0 : 1

  providers = {
    aws    = aws
    aws.dr = aws.dr
  }

  name                     = local.name
  global_name              = local.global_name
  kms_key_arn              = module.key.arn
  dr_kms_key_arn           = one(module.dr_key[*].arn)
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  resource_arns            = [module.database.cluster_arn]
  hourly_retention_days    = local.profile.backup_hourly_retention
  daily_retention_days     = local.profile.backup_daily_retention
  tags                     = var.tags
}

# The operator role of the runbook: global, created once by the primary, used in both regions.
module "iam" {
  source = "../iam"
  count  = local.pilot_light ? 0 : 1

  name                     = local.name
  global_name              = local.global_name
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  trusted_principal_arns   = var.operator_principal_arns
  primary_region           = local.region
  dr_region                = var.dr_region
  failover_switch_name     = local.failover_switch
  tags                     = var.tags
}

module "pipeline" {
  source = "../pipeline"

  name                     = local.name
  global_name              = local.global_name
  kms_key_arn              = module.key.arn
  permissions_boundary_arn = aws_iam_policy.permissions_boundary.arn
  environment              = var.environment
  environment_directory    = local.pipeline_dir
  pipelines                = local.pilot_light ? ["terraform"] : ["terraform", "backend", "frontend"]
  require_manual_approval  = local.profile.require_manual_approval
  repository_id            = var.repository_id
  branch                   = var.branch
  terraform_state_bucket   = var.terraform_state_bucket
  terraform_state_key      = local.state_key
  terraform_variables      = local.pipeline_terraform_variables
  ecr_repository_arn       = module.backend.ecr_repository_arn
  ecr_repository_url       = module.backend.ecr_repository_url
  ecr_kms_key_arn          = module.backend.ecr_kms_key_arn
  function_name            = module.backend.function_name
  function_arn             = module.backend.function_arn
  migrate_function_name    = module.backend.migrate_function_name
  migrate_function_arn     = module.backend.migrate_function_arn
  site_bucket_arn          = one(module.frontend[*].bucket_arn)
  site_bucket_name         = one(module.frontend[*].bucket_name)
  site_kms_key_arn         = module.key.arn
  distribution_arn         = one(module.frontend[*].distribution_arn)
  distribution_id          = one(module.frontend[*].distribution_id)
  site_url                 = "https://${var.domain_name}"
  log_retention_days       = local.log_retention_days
  tags                     = var.tags
}
