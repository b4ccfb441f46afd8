"""Server-side settings for serving the calculators to a class (Voila and JupyterLab).

Nothing in the library imports this package; the Jupyter/Voila configuration the kit installs
(``etc/jupyter/voila.json`` and ``etc/jupyter/jupyter_server_config.json``) names
:class:`CappedKernelManager`, so a server started anywhere the kit is installed:

- frees the kernel of a calculator page that was closed (about a minute after its last activity),
  and of a page left open and untouched for two hours;
- starts at most ``max_kernels`` kernels (preheated ones included) and answers further page
  requests with a short "server busy" page (HTTP 503, ``Retry-After``) in Chinese and English;
- accepts websocket messages up to 64 MiB, so uploads up to the advertised 50 MiB arrive.
"""

from ccskills.server.kernels import CappedKernelManager, default_max_kernels

__all__ = ["CappedKernelManager", "default_max_kernels"]
