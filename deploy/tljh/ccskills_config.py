"""ccskills on The Littlest JupyterHub: copy to /opt/tljh/config/jupyterhub_config.d/ccskills.py.

Then `sudo tljh-config reload`. Limits and culling are tljh-config keys (see README.md here).
"""

c = get_config()  # noqa: F821

# Trainees land on the guide, whose links cell lists every calculator and workbook.
c.Spawner.default_url = "/lab/tree/course/00_guide.ipynb"

# Trainers: the group the kit's trainer pages check. A user server's default token reads its
# own user's groups and admin flag (GET /hub/api/user), so nothing else is needed for that.
c.JupyterHub.load_groups = {"trainers": {"users": ["trainer1"]}}  # CHANGE-ME: trainers' logins

c.Spawner.environment = {
    "CCSKILLS_TRAINER_GROUP": "trainers",
    # One store for the class (each user's own SQLite file would hide trainees from the trainer):
    # PostgreSQL on this machine, see README.md. CHANGE-ME: the password.
    "CCSKILLS_PROGRESS_URL": "postgresql+psycopg://ccskills:CHANGE-ME@127.0.0.1:5432/ccskills",
}
