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
    local.region == "us-east-1" ? local.waf_log_group_names : [],
  )

  edge_key_arn = local.region == "us-east-1" ? module.key.arn : one(module.edge_key[*].arn)

  # The pilot light has no WAF (the primary's distribution keeps its web ACL).
  waf_log_group_names = local.pilot_light ? [] : [local.waf_log_group_name]
}

module "key" {
  source = "../kms_key"

  description     = "${local.name}: database, cache, secrets, images, functions, logs, alarms, site, artifacts, backups"
  log_group_names = local.main_log_group_names
  alarm_topics    = true
  # ops.dr finds the pilot light's key by this alias (the restored cluster's master secret, the cache).
  alias_name = local.name
  # Origin access control: only this account's distributions (one per environment) read the site bucket.
  cloudfront_source_arns = ["arn:${local.partition}:cloudfront::${local.account_id}:distribution/*"]
  tags                   = var.tags
}

module "edge_key" {
  source = "../kms_key"
  count  = local.region == "us-east-1" || local.pilot_light ? 0 : 1

  providers = {
    aws = aws.us_east_1
  }

  description     = "${local.name}: WAF logs (us-east-1)"
  log_group_names = [local.waf_log_group_name]
  tags            = var.tags
}

# The primary's key in the DR region: its backup copies and, with a standby, the secrets' replicas and the
# site's replica. A key per region rather than a multi-Region key: every copy is re-encrypted on arrival
# (AWS Backup copy, Secrets Manager replica, S3 replication, ECR replication), so nothing ever needs the
# primary region's key material there; and the primary's deployed keys are single-Region, which a key
# cannot change into ("Creating multi-Region keys", AWS KMS Developer Guide).
module "dr_key" {
  source = "../kms_key"
  count  = local.pilot_light ? 0 : 1

  providers = {
    aws = aws.dr
  }

  description = "${local.name}: backup copies, secret replicas and the site's replica in the disaster-recovery region"
  # The site's replica bucket is an origin of this account's distributions.
  cloudfront_source_arns = local.standby_prepared ? ["arn:${local.partition}:cloudfront::${local.account_id}:distribution/*"] : []
  tags                   = var.tags
}
