import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { PageHeader } from "@/components/ui/page-header";
import { BlueGreenChecklist } from "@/components/versions/checklist";
import { VersionTable } from "@/components/versions/version-table";
import { VerdictSection } from "@/components/versions/verdict-section";
import { SwitchServing } from "@/components/versions/switch-serving";
import { pageActor } from "@/lib/auth/page-actor";
import { canEditGroup } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { available } from "@/lib/health/availability";
import { versionsView } from "@/lib/versions/view";
import { switchServingAction } from "../../actions";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).name} versions` };
}

export default async function GroupVersionsPage({ params }: Props) {
  const { name } = await params;
  const view = await available(() =>
    versionsView(name).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) notFound();
      throw error;
    }),
  );
  const header = (
    <PageHeader
      title={`${name} · versions`}
      description="Schema changes without downtime: create <mv>_v2 beside the serving MV, let it backfill, switch serving once it has caught up, drop the old one. Tideline never writes to RisingWave: each step shows the SQL to run."
    />
  );
  if (!view.ok)
    return (
      <>
        {header}
        <UnavailableBanner unavailable={view.unavailable} affects="The versions cannot be read without it." />
      </>
    );
  const model = view.value;
  const editable = canEditGroup(await pageActor(), model.definition);
  const servingIndex = model.versions.findIndex((version) => version.serving);
  const target = model.versions.find((version) => version.mv === model.to);
  const forward = Boolean(target && !target.serving && model.verdict?.caughtUp);
  const back = model.versions.find((version, index) => index === servingIndex - 1 && version.status === "Created");
  return (
    <>
      {header}
      <VersionTable versions={model.versions} />
      {editable && (forward || back) ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {forward ? (
            <SwitchServing
              name={name}
              version={model.version}
              target={model.to}
              checks={model.verdict?.checks ?? []}
              onSwitch={switchServingAction}
            />
          ) : null}
          {back ? <SwitchServing name={name} version={model.version} target={back.mv} checks={[]} onSwitch={switchServingAction} /> : null}
        </div>
      ) : null}
      {model.verdict ? (
        <VerdictSection from={model.from} to={model.to} verdict={model.verdict} comparison={model.comparison} impact={model.impact} />
      ) : null}
      {model.completed ? (
        <p role="status" className="mt-6 text-sm">
          Switch complete: {model.from} is dropped and {model.to} serves. To start the next version, remove {model.from} from the
          group&apos;s versions in its definition.
        </p>
      ) : null}
      <BlueGreenChecklist from={model.from} to={model.to} steps={model.checklist} />
    </>
  );
}
