# The site's files, replicated to the standby region, as the second origin of the site's origin group:
# when the site bucket's region fails (a connection error or a 5xx), CloudFront fetches the same files
# from here ("Optimize high availability with CloudFront origin failover", CloudFront Developer Guide).
# The SPA only makes GET and HEAD requests to its origin, the methods an origin group fails over.
locals {
  site_replica_origin_id = "site-bucket-replica"
  site_origin_group_id   = "site"
  site_target_origin_id  = var.site_replica_enabled ? local.site_origin_group_id : local.site_origin_id
}

resource "aws_s3_bucket" "site_replica" {
  #checkov:skip=CKV_AWS_18:A replica of the site bucket, whose own access is logged; CloudFront's logs record every read of either.
  #checkov:skip=CKV_AWS_144:This is the cross-region replica itself.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to replicated files.
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = "${var.global_name}-site-replica-${local.account_id}"

  tags = var.tags
}

resource "aws_s3_bucket_ownership_controls" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = aws_s3_bucket.site_replica[0].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket                  = aws_s3_bucket.site_replica[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = aws_s3_bucket.site_replica[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = aws_s3_bucket.site_replica[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.replica_kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = aws_s3_bucket.site_replica[0].id

  rule {
    id     = "expire-old-builds"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

resource "aws_s3_bucket_policy" "site_replica" {
  count    = var.site_replica_enabled ? 1 : 0
  provider = aws.dr

  bucket = aws_s3_bucket.site_replica[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudFrontOriginAccessControl"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site_replica[0].arn}/*"
        Condition = {
          StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.this.arn }
        }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.site_replica[0].arn, "${aws_s3_bucket.site_replica[0].arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.site_replica]
}

# S3 copies every new version of the site's files (KMS-encrypted) with this role.
resource "aws_iam_role" "site_replication" {
  count = var.site_replica_enabled ? 1 : 0

  name                 = "${var.global_name}-site-replication"
  description          = "S3 replicates the ${var.name} site bucket to its standby region"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "site_replication" {
  count = var.site_replica_enabled ? 1 : 0

  name = "replicate-site"
  role = aws_iam_role.site_replication[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadTheSiteBucket"
        Effect   = "Allow"
        Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
        Resource = [aws_s3_bucket.site.arn]
      },
      {
        Sid      = "ReadItsVersions"
        Effect   = "Allow"
        Action   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
        Resource = ["${aws_s3_bucket.site.arn}/*"]
      },
      {
        Sid      = "WriteTheReplica"
        Effect   = "Allow"
        Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
        Resource = ["${aws_s3_bucket.site_replica[0].arn}/*"]
      },
      {
        Sid      = "DecryptInTheSiteRegion"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = [var.kms_key_arn]
      },
      {
        Sid      = "EncryptInTheReplicaRegion"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource = [var.replica_kms_key_arn]
      },
    ]
  })
}

resource "aws_s3_bucket_replication_configuration" "site" {
  count = var.site_replica_enabled ? 1 : 0

  bucket = aws_s3_bucket.site.id
  role   = aws_iam_role.site_replication[0].arn

  rule {
    id     = "site-to-standby-region"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = aws_s3_bucket.site_replica[0].arn
      storage_class = "STANDARD"

      encryption_configuration {
        replica_kms_key_id = var.replica_kms_key_arn
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.site, aws_s3_bucket_versioning.site_replica]
}
