# CloudFront reaches the API at one name, origin_domain_name (api-origin.<site domain>), that Route 53
# answers with a failover record: the primary region's API Gateway custom domain while the primary's
# record is healthy, the standby's otherwise. Both regions hold a custom domain of that same name with a
# certificate of their own region, as "Configure custom health checks for DNS failover for an API
# Gateway API" (API Gateway Developer Guide) describes. Resolving the name is Route 53's data plane: no
# control plane of us-east-1 takes part in a failover.
resource "aws_acm_certificate" "origin" {
  domain_name       = var.origin_domain_name
  validation_method = "DNS"

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# ACM asks for the same validation record for a name in every region of an account, so the primary
# creates it once and the standby's certificate is validated by the same record (a record both stacks
# managed would be deleted with either).
resource "aws_route53_record" "origin_validation" {
  for_each = var.create_origin_validation_record ? toset([var.origin_domain_name]) : toset([])

  zone_id         = var.hosted_zone_id
  name            = one([for o in aws_acm_certificate.origin.domain_validation_options : o.resource_record_name if o.domain_name == each.key])
  type            = one([for o in aws_acm_certificate.origin.domain_validation_options : o.resource_record_type if o.domain_name == each.key])
  records         = [one([for o in aws_acm_certificate.origin.domain_validation_options : o.resource_record_value if o.domain_name == each.key])]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "origin" {
  certificate_arn         = aws_acm_certificate.origin.arn
  validation_record_fqdns = [for o in aws_acm_certificate.origin.domain_validation_options : o.resource_record_name]

  depends_on = [aws_route53_record.origin_validation]
}

resource "aws_apigatewayv2_domain_name" "origin" {
  domain_name = var.origin_domain_name

  domain_name_configuration {
    certificate_arn = aws_acm_certificate_validation.origin.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  tags = var.tags
}

resource "aws_apigatewayv2_api_mapping" "origin" {
  api_id      = aws_apigatewayv2_api.this.id
  domain_name = aws_apigatewayv2_domain_name.origin.id
  stage       = aws_apigatewayv2_stage.this.id
}

# This region's half of the failover pair. The primary's carries the health check of the failover
# switch (a CloudWatch alarm in the standby region that only an operator flips); the standby's none.
resource "aws_route53_record" "origin" {
  zone_id        = var.hosted_zone_id
  name           = var.origin_domain_name
  type           = "A"
  set_identifier = "${var.name}-${lower(var.failover_role)}"

  failover_routing_policy {
    type = var.failover_role
  }

  health_check_id = var.failover_health_check_id

  alias {
    name                   = aws_apigatewayv2_domain_name.origin.domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.origin.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}
