"""The management track (issue 16): rules, processes and roles as data the kit checks and exports.

This first slice holds the roles part (分工): the RACI matrix of the main processes, checked by
the kit (:class:`RaciMatrix`, :func:`default_raci`, :func:`raci_excel`), and the role documents
(岗位职责 / 职位说明书) of the seven roles (:data:`ROLE_PROFILES`, :func:`roles_excel`).
"""

from ._default_raci import PROCESSES, default_raci
from ._excel import RULES, raci_excel, role_kpi_table, roles_excel
from .raci import CODES, SEVERITIES, Activity, RaciMatrix, RaciProblem, RoleName
from .roles import ROLE_NAMES, ROLE_PROFILES, RoleProfile, profile

__all__ = [
    "RaciMatrix", "RaciProblem", "Activity", "RoleName", "CODES", "SEVERITIES", "RULES",
    "default_raci", "PROCESSES", "raci_excel",
    "ROLE_NAMES", "ROLE_PROFILES", "RoleProfile", "profile", "roles_excel", "role_kpi_table",
]
