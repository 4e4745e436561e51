# One private route table for both zones (no per-zone NAT gateway to route to any more).
moved {
  from = aws_route_table.private[0]
  to   = aws_route_table.private
}

moved {
  from = aws_vpc_security_group_egress_rule.lambda_redis
  to   = aws_vpc_security_group_egress_rule.lambda_cache
}
