# Files on their way in and out: the browser uploads an import straight here with a presigned POST (a
# request body over 6 MB never reaches a Lambda through API Gateway) and the API function reads it
# back once in its import job, then deletes it; an export is written here and downloaded through a
# presigned GET (a response over 6 MB never leaves a Lambda either). Private, encrypted with the stack's key, TLS only,
# and every object expires after a day whatever happens to its job.
locals {
  transfers_bucket_name = "${local.global_name}-transfers-${local.account_id}"
  # Imports per user and job (habits.models.ImportJob.object_key), exports per user and download
  # (habits.transfers.downloads).
  transfers_prefixes = ["imports/", "exports/"]
  # The bucket's own regional virtual-hosted origin: the presigned POST's URL, hence the SPA's CSP.
  transfers_origin = "https://${local.transfers_bucket_name}.s3.${local.region}.amazonaws.com"
  # The standby's bucket, where the pilot light's API presigns uploads after a failover. The site
  # (and its CSP) exists once, made by the primary, so the primary names both buckets; the standby's
  # suffix is standby_global_name_suffix, by default the DR region's short form (us-west-2: -usw2).
  # A region's short form, for this stack's region and its DR region: us-west-2 -> -usw2.
  region_suffixes = {
    for region in toset([local.region, var.dr_region]) :
    region => "-${split("-", region)[0]}${substr(split("-", region)[1], 0, 1)}${reverse(split("-", region))[0]}"
  }
  standby_suffix            = var.standby_global_name_suffix != "" ? var.standby_global_name_suffix : local.region_suffixes[var.dr_region]
  standby_transfers_origin  = "https://${local.name}${local.standby_suffix}-transfers-${local.account_id}.s3.${var.dr_region}.amazonaws.com"
  transfers_connect_sources = local.standby_prepared ? [local.transfers_origin, local.standby_transfers_origin] : [local.transfers_origin]
}

resource "aws_s3_bucket" "transfers" {
  #checkov:skip=CKV_AWS_18:Objects live a day at most and each is read once by the job that made it; the job's row and the API's request log record every upload and import.
  #checkov:skip=CKV_AWS_21:A scratch bucket: versions would only keep files the job has deleted, which the lifecycle is there to remove.
  #checkov:skip=CKV_AWS_144:Files in transit for minutes; after a regional failover the user uploads again.
  #checkov:skip=CKV2_AWS_62:The API starts the job itself when the SPA reports the upload; nothing reacts to objects.
  bucket = local.transfers_bucket_name

  tags = var.tags
}

resource "aws_s3_bucket_ownership_controls" "transfers" {
  bucket = aws_s3_bucket.transfers.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "transfers" {
  bucket                  = aws_s3_bucket.transfers.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "transfers" {
  bucket = aws_s3_bucket.transfers.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = module.key.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "transfers" {
  bucket = aws_s3_bucket.transfers.id

  rule {
    id     = "expire-after-a-day"
    status = "Enabled"

    filter {}

    expiration {
      days = 1
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# The SPA posts the file from the site's origin; nothing else may call the bucket from a browser.
resource "aws_s3_bucket_cors_configuration" "transfers" {
  bucket = aws_s3_bucket.transfers.id

  cors_rule {
    allowed_methods = ["POST", "PUT"]
    allowed_origins = ["https://${var.domain_name}"]
    allowed_headers = ["*"]
    max_age_seconds = 3000
  }
}

resource "aws_s3_bucket_policy" "transfers" {
  bucket = aws_s3_bucket.transfers.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.transfers.arn, "${aws_s3_bucket.transfers.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.transfers]
}

# The functions reach S3 through a gateway endpoint: free (no hourly or per-GB charge, unlike an
# interface endpoint or a NAT gateway), on AWS's network, and its policy lets the VPC reach this
# bucket's import and export files and nothing else in S3. It serves IPv4, so the functions' security group
# opens HTTPS to S3's prefix list; the other AWS APIs stay on their dual-stack endpoints over IPv6.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = module.network.vpc_id
  service_name      = "com.amazonaws.${local.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [module.network.private_route_table_id]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "OnlyTheTransferFiles"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource  = [for prefix in local.transfers_prefixes : "${aws_s3_bucket.transfers.arn}/${prefix}*"]
      },
      {
        # Listing is what turns a missing object's HEAD into a 404 rather than a 403.
        Sid       = "ListOnlyTheTransferFiles"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["s3:ListBucket"]
        Resource  = [aws_s3_bucket.transfers.arn]
        Condition = {
          StringLike = { "s3:prefix" = [for prefix in local.transfers_prefixes : "${prefix}*"] }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${local.name}-s3" })
}

resource "aws_vpc_security_group_egress_rule" "lambda_s3" {
  security_group_id = module.network.lambda_security_group_id
  description       = "HTTPS to S3 through the gateway endpoint (import and export files)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}

# The primary's CSP names the standby's bucket by the standby's suffix (standby_global_name_suffix, by
# default the region's short form). A pilot light with another suffix warns here: its uploads would be
# refused by browsers until the primary's standby_global_name_suffix says the same.
check "standby_suffix_known_to_the_primary" {
  assert {
    condition     = !local.pilot_light || var.global_name_suffix == "" || var.global_name_suffix == local.region_suffixes[local.region]
    error_message = "This pilot light's global_name_suffix (${var.global_name_suffix}) is not ${local.region_suffixes[local.region]}: set standby_global_name_suffix = \"${var.global_name_suffix}\" in the primary's variables too, or the site's CSP will refuse uploads to this region's transfers bucket after a failover."
  }
}
