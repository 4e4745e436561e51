data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

# The API gets every viewer header except Host (API Gateway routes on its own name), every cookie and
# query string: the managed AllViewerExceptHostHeader policy, which CloudFront's guide names for API
# Gateway and function URL origins. It replaces a custom whitelist that listed Authorization (the API
# tokens' header), which a re:Post Knowledge Center article says CloudFront refuses there. To check on
# the first apply (docs/DEPLOY.md): that CloudFront-Viewer-Address, which the throttles read, reaches
# Django with this policy.
data "aws_cloudfront_origin_request_policy" "api" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  # The policy with the extra origins the SPA calls (the import files' bucket) in connect-src.
  content_security_policy = replace(
    var.content_security_policy, "connect-src 'self'", join(" ", concat(["connect-src 'self'"], var.connect_sources))
  )
  site_origin_id = "site-bucket"
  api_origin_id  = "api-gateway"
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = "${var.global_name}-site"
  description                       = "CloudFront reads the ${var.name} site bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# Client-side routes (no file extension) are served the SPA's index.html; assets pass through.
resource "aws_cloudfront_function" "this" {
  name    = "${var.global_name}-spa-rewrite"
  runtime = "cloudfront-js-2.0"
  comment = "Rewrite extension-less paths to /index.html"
  publish = true
  code    = file("${path.module}/spa_rewrite.js")
}

resource "aws_cloudfront_response_headers_policy" "this" {
  name    = "${var.global_name}-security-headers"
  comment = "Security headers for the site and the API"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }

    content_security_policy {
      content_security_policy = local.content_security_policy
      override                = false
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_310:The site's files fail over through an origin group when site_replica_enabled (production); the API fails over by its Route 53 failover record, because an origin group fails over GET, HEAD and OPTIONS only.
  #checkov:skip=CKV_AWS_374:The habit tracker is open to users in every country; WAF rate limits and managed rules guard it instead.
  comment             = "${var.name} site and API"
  enabled             = true
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  price_class         = var.price_class
  aliases             = [var.domain_name]
  default_root_object = "index.html"
  web_acl_id          = aws_wafv2_web_acl.this.arn

  origin {
    origin_id                = local.site_origin_id
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  dynamic "origin" {
    for_each = aws_s3_bucket.site_replica

    content {
      origin_id                = local.site_replica_origin_id
      domain_name              = origin.value.bucket_regional_domain_name
      origin_access_control_id = aws_cloudfront_origin_access_control.this.id
    }
  }

  dynamic "origin_group" {
    for_each = aws_s3_bucket.site_replica

    content {
      origin_id = local.site_origin_group_id

      failover_criteria {
        status_codes = [500, 502, 503, 504]
      }

      member {
        origin_id = local.site_origin_id
      }

      member {
        origin_id = local.site_replica_origin_id
      }
    }
  }

  origin {
    origin_id   = local.api_origin_id
    domain_name = var.api_domain_name

    # Proves to the application that the request came through CloudFront (and so through WAF); the
    # value is the origin secret's current one.
    custom_header {
      name  = var.origin_verify_header.name
      value = var.origin_verify_header.value
    }

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = local.site_target_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.this.arn
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.api_path_patterns

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = local.api_origin_id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.caching_disabled.id
      origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.api.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.this.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  logging_config {
    bucket          = aws_s3_bucket.logs.bucket_domain_name
    prefix          = "cloudfront/"
    include_cookies = false
  }

  tags = var.tags

  depends_on = [aws_s3_bucket_ownership_controls.logs]
}
