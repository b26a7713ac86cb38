//! The printed table of results.

use super::args::Args;
use super::Run;

pub(super) fn print_table(runs: &[Run], args: &Args) {
    let smallest = args.sizes.iter().copied().min().unwrap_or(0);
    let largest = args.sizes.iter().copied().max().unwrap_or(0);
    println!();
    println!(
        "| database | young people | endpoint | rps | ratio to /api/health | p50 ms | p99 ms | growth {}k→{}k |",
        smallest / 1000,
        largest / 1000
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    for r in runs {
        for (i, m) in r.measures.iter().enumerate() {
            // The ratio to /api/health at the smallest size over the ratio
            // at the largest, so that the machine's noise cancels; for
            // /api/health itself, the raw change (the noise).
            let growth = if r.size == largest && largest != smallest {
                runs.iter()
                    .find(|o| o.database == r.database && o.size == smallest)
                    .and_then(|o| o.measures.iter().find(|x| x.name == m.name))
                    .map(|small| {
                        if i == 0 {
                            format!("({:.2} raw)", small.rps / m.rps.max(1e-9))
                        } else {
                            format!("{:.2}", small.ratio() / m.ratio().max(1e-9))
                        }
                    })
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let errors = if m.errors > 0 {
                format!(" ({} errors)", m.errors)
            } else {
                String::new()
            };
            println!(
                "| {} | {} | {}{} | {:.0} | {:.2} | {:.1} | {:.1} | {} |",
                r.database,
                r.size,
                m.name,
                errors,
                m.rps,
                m.ratio(),
                m.p50_ms,
                m.p99_ms,
                growth
            );
        }
    }
    println!();
    println!("| database | young people | councils | generated rows | generation | rows/s | server start-up | memory idle (VmRSS) | peak while signing in (VmHWM) | peak under load (VmHWM) | private under load (RssAnon) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in runs {
        println!(
            "| {} | {} | {} | {} | {:.1} s | {:.0} | {:.0} ms | {:.0} MB | {:.0} MB | {:.0} MB | {:.0} MB |",
            r.database,
            r.size,
            r.councils,
            r.rows,
            r.generate_secs,
            r.rows_per_sec,
            r.startup_ms,
            r.rss_idle_kb as f64 / 1024.0,
            r.signin_hwm_kb as f64 / 1024.0,
            r.hwm_kb as f64 / 1024.0,
            r.anon_kb as f64 / 1024.0
        );
    }
}
