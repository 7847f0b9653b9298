import { PIPELINE_STAGE_KEYS } from "@/lib/domain/stages";

type LoginHeroProps = { appName: string; title: string; body: string };

/** The brand panel beside the sign-in form (wide screens only): the P0–P7 ladder as a motif. */
export function LoginHero({ appName, title, body }: LoginHeroProps) {
  return (
    <aside className="relative hidden overflow-hidden bg-slate-950 p-12 text-white lg:flex lg:flex-col">
      <div className="absolute inset-0 bg-[radial-gradient(ellipse_at_top_left,rgba(99,102,241,0.45),transparent_60%)]" aria-hidden="true" />
      <p className="relative text-sm font-semibold tracking-wide text-indigo-200">{appName}</p>
      <div className="relative my-auto max-w-md">
        <h2 className="text-3xl font-semibold leading-tight tracking-tight">{title}</h2>
        <p className="mt-4 text-base leading-relaxed text-slate-300">{body}</p>
        <ol className="mt-10 flex items-end gap-2" aria-hidden="true">
          {PIPELINE_STAGE_KEYS.map((key, index) => (
            <li key={key} className="flex flex-1 flex-col items-center gap-2">
              <span
                className="w-full rounded-sm bg-gradient-to-t from-indigo-500/70 to-indigo-300/90"
                style={{ height: `${16 + index * 14}px` }}
              />
              <span className="text-xs font-medium text-slate-400">{key}</span>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
