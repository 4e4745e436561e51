# One customer managed key per region and purpose, all from the kms_key module (the one key policy):
# the main region's key encrypts everything the stack stores there, including its log groups; WAF's
# log group lives in us-east-1 and gets that region's key (the main key when the stack runs there);
# the backup copies get a key in the DR region.
locals {
  waf_log_group_name = "aws-waf-logs-${local.global_name}"

  main_log_group_names = concat(
    [module.network.flow_log_group_name, module.database.log_group_name],
    module.observability.log_group_names,
    module.pipeline.log_group_names,
    local.region == "us-east-1" ? [local.waf_log_group_name] : [],
  )

  edge_key_arn = local.region == "us-east-1" ? module.key.arn : one(module.edge_key[*].arn)
}

module "key" {
  source = "../kms_key"

  description     = "${local.name}: database, cache, secrets, images, functions, logs, alarms, site, artifacts, backups"
  log_group_names = local.main_log_group_names
  alarm_topics    = true
  # Origin access control: only this account's distributions (one per environment) read the site bucket.
  cloudfront_source_arns = ["arn:${local.partition}:cloudfront::${local.account_id}:distribution/*"]
  tags                   = var.tags
}

module "edge_key" {
  source = "../kms_key"
  count  = local.region == "us-east-1" ? 0 : 1

  providers = {
    aws = aws.us_east_1
  }

  description     = "${local.name}: WAF logs (us-east-1)"
  log_group_names = [local.waf_log_group_name]
  tags            = var.tags
}

module "dr_key" {
  source = "../kms_key"

  providers = {
    aws = aws.dr
  }

  description = "${local.name}: backup copies in the disaster-recovery region"
  tags        = var.tags
}
