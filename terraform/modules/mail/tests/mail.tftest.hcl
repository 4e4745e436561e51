mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }

  mock_resource "aws_sesv2_email_identity" {
    defaults = {
      arn = "arn:aws:ses:us-east-1:111122223333:identity/habits.example.com"
      dkim_signing_attributes = {
        tokens = ["tokena", "tokenb", "tokenc"]
      }
    }
  }
}

variables {
  name           = "habits-test"
  domain_name    = "habits.example.com"
  hosted_zone_id = "Z0123456789ABCDEFGHIJ"
}

run "the_domain_sends_signed_and_aligned" {
  command = apply

  assert {
    condition     = aws_sesv2_email_identity.this.email_identity == "habits.example.com" && aws_sesv2_email_identity.this.dkim_signing_attributes[0].next_signing_key_length == "RSA_2048_BIT"
    error_message = "The site's domain is the identity, with 2048-bit Easy DKIM."
  }

  assert {
    condition = [for r in aws_route53_record.dkim : [r.name, r.type, one(r.records)]] == [
      ["tokena._domainkey.habits.example.com", "CNAME", "tokena.dkim.amazonses.com"],
      ["tokenb._domainkey.habits.example.com", "CNAME", "tokenb.dkim.amazonses.com"],
      ["tokenc._domainkey.habits.example.com", "CNAME", "tokenc.dkim.amazonses.com"],
    ]
    error_message = "Each of the three DKIM tokens gets its CNAME in the site's zone."
  }

  assert {
    condition     = aws_sesv2_email_identity_mail_from_attributes.this.mail_from_domain == "mail.habits.example.com" && one(aws_route53_record.mail_from_mx.records) == "10 feedback-smtp.us-east-1.amazonses.com" && one(aws_route53_record.mail_from_spf.records) == "v=spf1 include:amazonses.com -all"
    error_message = "MAIL FROM is a subdomain of the site with SES's MX and an SPF record that allows only SES."
  }

  assert {
    condition     = startswith(one(aws_route53_record.dmarc[0].records), "v=DMARC1; p=quarantine") && aws_route53_record.dmarc[0].name == "_dmarc.habits.example.com"
    error_message = "DMARC asks receivers to quarantine unaligned mail."
  }

  assert {
    condition     = aws_sesv2_configuration_set.this.delivery_options[0].tls_policy == "REQUIRE" && aws_sesv2_configuration_set.this.reputation_options[0].reputation_metrics_enabled && aws_sesv2_email_identity.this.configuration_set_name == "habits-test"
    error_message = "Mail goes through the configuration set: TLS required, reputation measured."
  }

  assert {
    condition     = output.from_address == "no-reply@habits.example.com"
    error_message = "Mail is sent from the verified domain."
  }
}

run "a_mail_from_subdomain_is_one_label" {
  command = plan

  variables {
    mail_from_subdomain = "mail.example"
  }

  expect_failures = [var.mail_from_subdomain]
}

run "a_standby_region_leaves_the_domain_records_to_the_primary" {
  command = plan

  variables {
    mail_from_subdomain = "mail-usw2"
    dmarc_record        = false
  }

  assert {
    condition     = length(aws_route53_record.dmarc) == 0 && aws_route53_record.mail_from_mx.name == "mail-usw2.habits.example.com"
    error_message = "One DMARC record per domain; each region its own MAIL FROM subdomain."
  }
}
