mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111122223333"
    }
  }

}

mock_provider "aws" {
  alias = "us_east_1"
}

mock_provider "aws" {
  alias = "dr"
}

override_resource {
  target          = aws_cloudfront_distribution.this
  override_during = plan
  values = {
    arn = "arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE"
  }
}

override_resource {
  target          = aws_s3_bucket.site
  override_during = plan
  values = {
    arn = "arn:aws:s3:::habits-test-site-111122223333"
  }
}

override_resource {
  target          = aws_wafv2_web_acl.this
  override_during = plan
  values = {
    arn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/habits-test/abcd"
  }
}

variables {
  name                 = "habits-test"
  global_name          = "habits-test"
  domain_name          = "habits.example.com"
  hosted_zone_id       = "Z0123456789EXAMPLE"
  api_domain_name      = "abc123.execute-api.us-east-1.amazonaws.com"
  kms_key_arn          = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  waf_log_kms_key_arn  = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000001"
  origin_verify_header = { name = "X-Origin-Verify", value = "c0ffee" }
}

run "bucket_is_private_behind_oac" {
  command = plan

  assert {
    condition     = aws_s3_bucket_public_access_block.site.block_public_acls && aws_s3_bucket_public_access_block.site.block_public_policy && aws_s3_bucket_public_access_block.site.ignore_public_acls && aws_s3_bucket_public_access_block.site.restrict_public_buckets
    error_message = "The site bucket must block every form of public access."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.site.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled on the site bucket."
  }

  assert {
    condition = [for s in jsondecode(aws_s3_bucket_policy.site.policy).Statement : {
      principal = s.Principal, action = s.Action, source = s.Condition.StringEquals["AWS:SourceArn"]
    } if s.Effect == "Allow"] == [{ principal = { Service = "cloudfront.amazonaws.com" }, action = "s3:GetObject", source = "arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE" }]
    error_message = "Only this CloudFront distribution may read the site bucket."
  }

  assert {
    condition     = aws_cloudfront_origin_access_control.this.signing_behavior == "always" && aws_cloudfront_origin_access_control.this.origin_access_control_origin_type == "s3"
    error_message = "CloudFront must sign every request to S3 with OAC."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.site.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "The site bucket must be encrypted with KMS."
  }
}

run "cloudfront_routes_api_paths_uncached_and_https_only" {
  command = plan

  assert {
    condition     = [for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.path_pattern] == ["/api/*", "/health/", "/health/deep/", "/admin/*", "/django-static/*"]
    error_message = "Exactly the contract's API paths must go to API Gateway."
  }

  assert {
    condition     = alltrue([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.target_origin_id == "api-gateway" && contains(b.allowed_methods, "POST")])
    error_message = "API paths must go to API Gateway with every method allowed."
  }

  # The mocked provider cannot give this data source an id (an optional, non-computed argument),
  # so the test pins the managed cache policy the behaviours are wired to by the name looked up.

  assert {
    condition     = data.aws_cloudfront_cache_policy.caching_disabled.name == "Managed-CachingDisabled"
    error_message = "The API paths must use the managed caching-disabled policy."
  }

  assert {
    condition     = alltrue(concat([aws_cloudfront_distribution.this.default_cache_behavior[0].viewer_protocol_policy == "redirect-to-https"], [for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.viewer_protocol_policy == "redirect-to-https"]))
    error_message = "Every behaviour must redirect HTTP to HTTPS."
  }

  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : o.custom_origin_config[0].origin_protocol_policy if o.origin_id == "api-gateway"]) == "https-only"
    error_message = "CloudFront must reach API Gateway over HTTPS only."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021" && aws_cloudfront_distribution.this.viewer_certificate[0].ssl_support_method == "sni-only"
    error_message = "Viewers must use TLS 1.2 or later."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_cache_behavior[0].target_origin_id == "site-bucket" && length(aws_cloudfront_distribution.this.default_cache_behavior[0].function_association) == 1
    error_message = "The default behaviour must serve the bucket through the SPA rewrite function."
  }

  assert {
    condition     = aws_cloudfront_function.this.runtime == "cloudfront-js-2.0" && strcontains(aws_cloudfront_function.this.code, "/index.html")
    error_message = "The SPA rewrite function must send client routes to /index.html."
  }

  assert {
    condition     = aws_cloudfront_response_headers_policy.this.security_headers_config[0].strict_transport_security[0].access_control_max_age_sec >= 31536000
    error_message = "Responses must carry HSTS for at least a year."
  }
}

run "only_cloudfront_reaches_the_api_and_says_who_the_viewer_is" {
  command = plan

  assert {
    condition     = one([for o in aws_cloudfront_distribution.this.origin : [for h in o.custom_header : { name = h.name, value = h.value }] if o.origin_id == "api-gateway"]) == [{ name = "X-Origin-Verify", value = "c0ffee" }]
    error_message = "CloudFront must add the origin secret header to every API request."
  }

  assert {
    condition     = length(flatten([for o in aws_cloudfront_distribution.this.origin : o.custom_header if o.origin_id == "site-bucket"])) == 0
    error_message = "The secret goes to the API origin only."
  }

  assert {
    condition     = data.aws_cloudfront_origin_request_policy.api.name == "Managed-AllViewerExceptHostHeader" && alltrue([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.origin_request_policy_id == data.aws_cloudfront_origin_request_policy.api.id if b.target_origin_id == "api-gateway"])
    error_message = "Every API behaviour forwards the viewer's headers (Authorization included) and CloudFront's, never the viewer's Host."
  }
}

run "waf_attached_with_rate_limit_and_managed_rules" {
  command = plan

  assert {
    condition     = aws_cloudfront_distribution.this.web_acl_id == "arn:aws:wafv2:us-east-1:111122223333:global/webacl/habits-test/abcd"
    error_message = "The web ACL must be attached to the distribution."
  }

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "CLOUDFRONT"
    error_message = "The web ACL must have CLOUDFRONT scope."
  }

  assert {
    condition     = one([for r in aws_wafv2_web_acl.this.rule : r.statement[0].rate_based_statement[0].limit if r.name == "rate-limit-per-ip"]) == 1000 && one([for r in aws_wafv2_web_acl.this.rule : r.statement[0].rate_based_statement[0].aggregate_key_type if r.name == "rate-limit-per-ip"]) == "IP"
    error_message = "A per-IP rate limit of 1000 requests per 5 minutes must block floods."
  }

  assert {
    condition     = one([for r in aws_wafv2_web_acl.this.rule : r.statement[0].rate_based_statement[0].limit if r.name == "rate-limit-auth-posts-per-ip"]) == 50 && one([for r in aws_wafv2_web_acl.this.rule : r.priority if r.name == "rate-limit-auth-posts-per-ip"]) == 0
    error_message = "Auth POSTs have their own, lower per-IP limit, evaluated first."
  }

  assert {
    condition = [for s in one([for r in aws_wafv2_web_acl.this.rule : r.statement[0].rate_based_statement[0].scope_down_statement[0].and_statement[0].statement if r.name == "rate-limit-auth-posts-per-ip"]) : {
      search = s.byte_match_statement[0].search_string, constraint = s.byte_match_statement[0].positional_constraint
    }] == [{ search = "POST", constraint = "EXACTLY" }, { search = "/api/auth/", constraint = "STARTS_WITH" }]
    error_message = "The auth limit counts POST requests to /api/auth/ (sign-in, registration and the rest)."
  }

  assert {
    condition     = toset([for r in aws_wafv2_web_acl.this.rule : r.statement[0].managed_rule_group_statement[0].name if length(r.statement[0].managed_rule_group_statement) > 0]) == toset(["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAnonymousIpList"])
    error_message = "The AWS managed rule groups must be in the web ACL."
  }
}

run "certificate_and_dns" {
  command = plan

  assert {
    condition     = aws_acm_certificate.this.domain_name == "habits.example.com" && aws_acm_certificate.this.validation_method == "DNS"
    error_message = "The certificate must cover the site and be validated through DNS."
  }

  assert {
    condition     = toset(keys(aws_route53_record.alias)) == toset(["A", "AAAA"]) && alltrue([for r in aws_route53_record.alias : r.name == "habits.example.com"])
    error_message = "A and AAAA alias records must point the site at CloudFront."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    price_class         = "PriceClass_Cheap"
    waf_rate_limit      = 5
    waf_auth_rate_limit = 1
  }

  expect_failures = [var.price_class, var.waf_rate_limit, var.waf_auth_rate_limit]
}

run "site_fails_over_to_its_replica_in_the_standby_region" {
  command = plan

  variables {
    site_replica_enabled     = true
    replica_kms_key_arn      = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000002"
    permissions_boundary_arn = "arn:aws:iam::111122223333:policy/habits-test-boundary"
  }

  assert {
    condition     = output.site_origins == { target = "site", failover_to = "habits-test-site-replica-111122223333" }
    error_message = "The site is read through an origin group whose second member is the replica bucket."
  }

  assert {
    condition     = toset(one(aws_cloudfront_distribution.this.origin_group).failover_criteria[0].status_codes) == toset([500, 502, 503, 504]) && [for m in one(aws_cloudfront_distribution.this.origin_group).member : m.origin_id] == ["site-bucket", "site-bucket-replica"]
    error_message = "CloudFront tries the site bucket first and the replica on a server error (and on a failed connection)."
  }

  assert {
    condition     = aws_s3_bucket_replication_configuration.site[0].rule[0].destination[0].encryption_configuration[0].replica_kms_key_id == var.replica_kms_key_arn && aws_s3_bucket_public_access_block.site_replica[0].restrict_public_buckets
    error_message = "The replica is private and encrypted with the standby region's key."
  }

  assert {
    condition     = aws_iam_role.site_replication[0].permissions_boundary == var.permissions_boundary_arn && aws_iam_role.site_replication[0].name == "habits-test-site-replication"
    error_message = "The replication role carries the boundary and a name of this stack's."
  }
}

run "waf_logs_redact_every_credential" {
  command = plan

  assert {
    condition = toset([
      for field in aws_wafv2_web_acl_logging_configuration.this.redacted_fields : field.single_header[0].name
    ]) == toset(["cookie", "x-csrftoken", "authorization"])
    error_message = "WAF logs must redact the session cookie, the CSRF header and API tokens (Authorization)."
  }
}
