# Each environment had its own copy of this composition, with the modules at the root. They keep their
# state (and so the deployed resources) under the stack module.
moved {
  from = module.network
  to   = module.stack.module.network
}

moved {
  from = module.database
  to   = module.stack.module.database
}

moved {
  from = terraform_data.restored_cluster
  to   = module.stack.terraform_data.restored_cluster
}

moved {
  from = module.cache
  to   = module.stack.module.cache
}

moved {
  from = module.observability
  to   = module.stack.module.observability
}

moved {
  from = module.backend
  to   = module.stack.module.backend
}

moved {
  from = module.frontend
  to   = module.stack.module.frontend
}

moved {
  from = module.backup
  to   = module.stack.module.backup
}

moved {
  from = module.iam
  to   = module.stack.module.iam
}

moved {
  from = module.pipeline
  to   = module.stack.module.pipeline
}
