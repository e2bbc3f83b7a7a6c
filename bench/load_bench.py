"""Load + validate a generated 1 MB scenario, against a bare `yaml.load(..., CSafeLoader)`.

    python bench/load_bench.py [--size-mb 1.0] [--repeat 5] [--json]

Both are timed in this one process, alternating, and the medians compared (design.md §7:
target ratio ≤ 1.5). The generated scenario is valid and realistic: a few stakeholders with
long conversations, conditions and effects on most choices, Spanish text with accents.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import yaml  # noqa: E402

from game.loader import load_scenario  # noqa: E402


def generate(target_bytes: int) -> str:
    """A valid scenario of about `target_bytes` bytes."""
    head = [
        "id: bench", "title: Generated benchmark scenario", "language: es",
        "account: {company: Distribuciones Núñez, product: RutaPlus, deal_value: 50000}",
        "briefing: Un escenario generado para medir la carga.", "turns: 10",
        "needs:",
        "  horas: {text: Horas extra de planificación, benefit: back_end_savings, amount: 18000}",
        "  precio: {text: Precio de la licencia, benefit: front_end_savings, amount: 4000}",
        "objections:",
        "  riesgo: {text: ¿Y si falla en plena campaña?, raised_by: s1, counters: [piloto]}",
        "stakeholders:",
    ]
    people = ["s0", "s1", "s2", "s3"]
    body: list[str] = []
    per_person = max(1, (target_bytes // 560) // len(people))
    for p, sid in enumerate(people):
        role = ["decision_maker", "saboteur", "influencer", "user"][p]
        body += [f"  {sid}:", f"    name: Persona {p} Muñoz", f"    title: Cargo {p}",
                 f"    role: {role}", "    cares_about: [horas, precio]",
                 f"    influences: {{s0: 0.3}}" if sid != "s0" else "    influences: {}",
                 "    conversation:", "      start: n0", "      nodes:"]
        for i in range(per_person):
            last = {"s0": "cierre", "s1": "dudas"}.get(sid, "end")
            nxt = f"n{i + 1}" if i + 1 < per_person else last
            body += [
                f"        n{i}:",
                f"          say: \"¿Qué tal? Esta es la línea {i}; hablamos de la campaña y del "
                "almacén, con acentos: áéíóú ñ ¡vale!\"",
                "          choices:",
                f"            - text: Pregunta de descubrimiento número {i} sobre sus procesos",
                "              tactic: discovery",
                "              if: {trust_min: 0.1, not_flags: [enfado]}",
                "              effects: {reveal_needs: [horas], trust: 0.05, interest: 1}",
                f"              next: {nxt}",
                "              feedback: Una buena pregunta abierta descubre el dolor real.",
                f"            - text: Propuesta de valor número {i}",
                "              tactic: pitch",
                "              effects: {pitch: [horas], role_hints: [{about: s0, text: Firma.}]}",
                f"              next: {nxt}",
            ]
        if sid == "s0":
            body += ["        cierre:", "          say: ¿Firmamos?", "          choices:",
                     "            - {text: Cerrar, tactic: close, next: end}"]
        if sid == "s1":
            body += ["        dudas:", "          say: Tengo dudas.", "          choices:",
                     "            - {text: Duda, tactic: discovery, "
                     "effects: {raise_objections: [riesgo], reveal_needs: [precio]}}",
                     "            - {text: Piloto, tactic: counter, "
                     "effects: {counter: {objection: riesgo, using: piloto}}, next: end}"]
    return "\n".join(head + body) + "\n"


def median_time(func, repeat: int) -> float:
    """Median wall time of `func()` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    text = generate(int(args.size_mb * 1024 * 1024))
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        loaded = load_scenario(path)
        assert loaded.scenario is not None, [p.format() for p in loaded.problems[:5]]

        def bare() -> None:
            with open(path, "rb") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)

        bare_times, ours_times = [], []
        for _ in range(args.repeat):  # alternate so machine noise hits both alike
            bare_times.append(median_time(bare, 1))
            ours_times.append(median_time(lambda: load_scenario(path), 1))
        bare_s, ours_s = statistics.median(bare_times), statistics.median(ours_times)
    finally:
        os.unlink(path)
    size = len(text.encode("utf-8"))
    figures = {"size_bytes": size, "bare_yaml_s": round(bare_s, 4),
               "load_validate_s": round(ours_s, 4), "load_ratio": round(ours_s / bare_s, 3),
               "target": 1.5, "problems": len(loaded.problems)}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"scenario size           {size / 1048576:.2f} MB ({len(loaded.problems)} problems)")
        print(f"bare yaml.load CSafe    {bare_s * 1000:8.1f} ms (median of {args.repeat})")
        print(f"load + validate (ours)  {ours_s * 1000:8.1f} ms (median of {args.repeat})")
        print(f"ratio                   {ours_s / bare_s:8.3f}  (target ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
