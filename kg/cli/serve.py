"""CLI command: ``kg serve`` — the SPARQL 1.1 endpoint on waitress (a production WSGI server)."""
from __future__ import annotations

import logging
import signal

import click

from kg.cli.option_checks import finite
from kg.cli.store_options import store_options
from kg.config import MAX_SERVER_WORKERS, MAX_TIMEOUT, ServerConfig, store_location, store_update_url
from kg.errors import KgError


@click.command("serve")
@click.option("--host", default=ServerConfig.host, show_default=True, help="Interface to listen on.")
@click.option("--port", default=ServerConfig.port, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free port, printed at start).")
@store_options
@click.option("--update-token", envvar="KG_UPDATE_TOKEN", default=None, metavar="TOKEN",
              help="Bearer token that enables SPARQL Update and Graph Store writes [env: KG_UPDATE_TOKEN]. "
                   "Without it every write is refused with 403; with it, requests lacking the right "
                   "'Authorization: Bearer TOKEN' get 401.")
@click.option("--timeout", default=ServerConfig.timeout, show_default=True, type=click.FloatRange(min=0.01, max=MAX_TIMEOUT),
              callback=finite, help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", default=ServerConfig.max_rows, show_default=True, type=click.IntRange(min=1),
              help="Most solutions/triples returned; beyond it the response has X-KG-Truncated: true.")
@click.option("--workers", default=ServerConfig.workers, show_default=True, type=click.IntRange(1, MAX_SERVER_WORKERS),
              help="Requests served at once; each query runs in one of as many evaluation processes.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries) and LOAD to reach other hosts.")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Allow cross-origin requests from ORIGIN (repeatable; '*' for any).")
@click.option("--max-body", "max_body", default=ServerConfig.max_body_bytes, show_default=True,
              type=click.IntRange(min=1), help="Largest request body in bytes (413 beyond).")
@click.option("--max-document", "max_document", default=ServerConfig.max_document_bytes, show_default=True,
              type=click.IntRange(min=1), help="Largest document POST /documents extracts, in bytes (413 beyond).")
@click.option("--document-timeout", default=ServerConfig.document_timeout, show_default=True,
              type=click.FloatRange(min=0.01, max=MAX_TIMEOUT), callback=finite,
              help="Seconds the extraction of a posted document may take before it is stopped (the file fails).")
@click.option("--upload-budget", default=ServerConfig.upload_budget, show_default=True,
              type=click.FloatRange(min=0.01, max=MAX_TIMEOUT), callback=finite,
              help="Seconds of extraction one POST /documents may use in all; the files left are answered "
                   "not_extracted (503), to post again.")
def serve(host: str, port: int, store: str | None, store_update: str | None, update_token: str | None, timeout: float,
          max_rows: int, workers: int, allow_service: bool, cors: tuple[str, ...], max_body: int, max_document: int,
          document_timeout: float, upload_budget: float) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol (/sparql), the Graph Store Protocol (/store),
    /health, /stats and a query page at /."""
    from kg.server import create_app
    from kg.server.listener import make_server
    from kg.server.logs import ONE_LINE
    from kg.server.sandbox import forbid_network

    config = ServerConfig(
        store=store_location(store), store_update=store_update_url(store_update), host=host, port=port, update_token=update_token or None,
        timeout=timeout, max_rows=max_rows, workers=workers, allow_service=allow_service,
        cors_origins=tuple(cors), max_body_bytes=max_body, max_document_bytes=max_document,
        document_timeout=document_timeout, upload_budget=upload_budget,
    )
    app = create_app(config)
    graph_store = app.extensions["kg.graph_store"]
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for handler in logging.getLogger().handlers:  # waitress's records too (a disconnected client's path)
        handler.addFilter(ONE_LINE)
    try:
        server = make_server(app, config)
    except (OSError, ValueError) as err:  # the port is taken or not ours; no interface has that address
        app.extensions["kg.engine"].close()
        graph_store.close()
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise KgError(f"cannot listen on {host}:{port}: {reason}") from None
    if not allow_service and not graph_store.remote:  # the listening socket is open: from now on no
        forbid_network()  # Internet socket can be made, so no query or update can reach another host
    writes = "enabled (token)" if config.update_token else "disabled"
    click.echo(f"kg: serving {config.store} on http://{server.effective_host}:{server.effective_port}/sparql "
               f"(writes {writes}, timeout {timeout:g} s, max rows {max_rows})", err=True)
    engine = app.extensions["kg.engine"]

    def stop(signum, frame) -> None:
        """`kill` stops as cleanly as Ctrl+C, and at once: running queries and a posted document's
        extraction are killed first, so waitress does not wait for their request threads; then the
        store is flushed."""
        engine.close()
        if "kg.extraction" in app.extensions:
            app.extensions["kg.extraction"].close()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        engine.close()
        server.close()
        graph_store.close()


COMMANDS: list[click.Command] = [serve]
