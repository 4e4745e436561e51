"""What moto lacks for the disaster-recovery runbook, added to moto in this process.

moto 5 has no ElastiCache Serverless (create/describe/delete_serverless_cache) and no AWS Backup
recovery points (list_recovery_points_by_backup_vault). The drill (ops.drill) and the tests add
them here, in the memory of the moto that serves them (mock_aws, or the in-process
ThreadedMotoServer); the answers follow the shapes of botocore's service model, which moto
serializes.
A cache is "available" at once: the drill prices the time AWS takes separately.
"""

import json
from datetime import datetime
from typing import Any

from moto.backup import urls as backup_urls
from moto.backup.responses import BackupResponse
from moto.core.responses import ActionResult
from moto.elasticache.exceptions import ElastiCacheException
from moto.elasticache.responses import ElastiCacheResponse


class ServerlessCacheNotFound(ElastiCacheException):
    code = "ServerlessCacheNotFoundFault"


# (account, region) -> cache name -> description
CACHES: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}


def _caches(response: ElastiCacheResponse) -> dict[str, dict[str, Any]]:
    return CACHES.setdefault((response.current_account, response.region), {})


def create_serverless_cache(self: ElastiCacheResponse) -> ActionResult:
    params = self._get_params()
    name = params["ServerlessCacheName"]
    region, account = self.region, self.current_account
    short = region.replace("-", "")[:5]
    cache = {
        "ServerlessCacheName": name,
        "Description": params.get("Description", ""),
        "Status": "available",
        "Engine": params["Engine"],
        "MajorEngineVersion": params.get("MajorEngineVersion", ""),
        "CacheUsageLimits": params.get("CacheUsageLimits", {}),
        "KmsKeyId": params.get("KmsKeyId", ""),
        "SecurityGroupIds": params.get("SecurityGroupIds", []),
        "SubnetIds": params.get("SubnetIds", []),
        "UserGroupId": params.get("UserGroupId", ""),
        "Endpoint": {
            "Address": f"{name}-x1y2z3.serverless.{short}.cache.amazonaws.com",
            "Port": 6379,
        },
        "ARN": f"arn:aws:elasticache:{region}:{account}:serverlesscache:{name}",
    }
    _caches(self)[name] = cache
    return ActionResult({"ServerlessCache": cache})


def describe_serverless_caches(self: ElastiCacheResponse) -> ActionResult:
    name = self._get_param("ServerlessCacheName")
    caches = _caches(self)
    if name and name not in caches:
        raise ServerlessCacheNotFound(f"Serverless cache {name} not found.")
    found = [caches[name]] if name else list(caches.values())
    return ActionResult({"ServerlessCaches": found})


def delete_serverless_cache(self: ElastiCacheResponse) -> ActionResult:
    name = self._get_param("ServerlessCacheName")
    cache = _caches(self).pop(name, None)
    if cache is None:
        raise ServerlessCacheNotFound(f"Serverless cache {name} not found.")
    return ActionResult({"ServerlessCache": {**cache, "Status": "deleting"}})


# (account, region, vault) -> recovery points, as AWS Backup lists them
RECOVERY_POINTS: dict[tuple[str, str, str], list[dict[str, Any]]] = {}


def recovery_point_add(
    *, account: str, region: str, vault: str, arn: str, resource_arn: str, created: datetime
) -> None:
    """A COMPLETED Aurora recovery point (a copy lands in the DR vault like this)."""
    RECOVERY_POINTS.setdefault((account, region, vault), []).append(
        {
            "RecoveryPointArn": arn,
            "BackupVaultName": vault,
            "ResourceArn": resource_arn,
            "ResourceType": "Aurora",
            "Status": "COMPLETED",
            "CreationDate": created.timestamp(),
        }
    )


def list_recovery_points_by_backup_vault(self: BackupResponse) -> str:
    vault = self.path.split("/")[2]
    points = RECOVERY_POINTS.get((self.current_account, self.region, vault), [])
    return json.dumps({"RecoveryPoints": points})


def reset() -> None:
    """Forget every cache and recovery point (moto's own reset does not know them)."""
    CACHES.clear()
    RECOVERY_POINTS.clear()


def install() -> None:
    """Teach moto the operations above (idempotent), starting empty."""
    reset()
    for operation in (create_serverless_cache, describe_serverless_caches, delete_serverless_cache):
        setattr(ElastiCacheResponse, operation.__name__, operation)
    BackupResponse.list_recovery_points_by_backup_vault = list_recovery_points_by_backup_vault  # type: ignore[attr-defined]
    pattern = "{0}/backup-vaults/(?P<name>[^/]+)/recovery-points/$"
    backup_urls.url_paths[pattern] = backup_urls.response.dispatch
