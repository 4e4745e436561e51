# Keys of an environment deployed before the stack had one key per region. The database's key becomes
# the main key (Aurora cannot change the key of an existing cluster), the DR vault's key becomes the
# DR key (nor can a vault). The other modules' keys are left to exist outside Terraform: data encrypted
# with them (older log events, the image repository, the primary vault's recovery points) stays
# readable; docs/DEPLOY.md says when to schedule their deletion.
moved {
  from = module.database.aws_kms_key.this
  to   = module.key.aws_kms_key.this
}

moved {
  from = module.backup.aws_kms_key.dr
  to   = module.dr_key[0].aws_kms_key.this
}

# The parts only the primary has (the pilot light is this stack too) gained a count.
moved {
  from = module.dr_key
  to   = module.dr_key[0]
}

moved {
  from = module.frontend
  to   = module.frontend[0]
}

moved {
  from = module.backup
  to   = module.backup[0]
}

moved {
  from = module.iam
  to   = module.iam[0]
}

removed {
  from = module.network.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.cache.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.backend.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.frontend.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.frontend.aws_kms_key.waf_logs

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.observability.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.backup.aws_kms_key.primary

  lifecycle {
    destroy = false
  }
}

removed {
  from = module.pipeline.aws_kms_key.this

  lifecycle {
    destroy = false
  }
}
