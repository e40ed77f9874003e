import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Live assets whose review date falls within `soonDays` or has passed, with their owners and steward. */
export async function reviewsDue(db: Db, now: Date, soonDays: number) {
  const r = await sql<{ id: string; organization_id: string; name: string; review_due_at: Date; recipients: string[] }>`
    SELECT a.id, a.organization_id, a.name, a.review_due_at,
      array_remove(array[a.information_owner_id, a.system_owner_id, a.system_steward_id], null)::text[] AS recipients
    FROM assets a
    WHERE a.lifecycle <> 'retired' AND a.review_due_at IS NOT NULL
      AND a.review_due_at <= ${now}::timestamptz + make_interval(days => ${soonDays})`.execute(db);
  return r.rows;
}

/**
 * Submitted classification versions and who decides each: the asset's named information owner or
 * her recorded delegate, active and holding a deciding role on the asset's unit or above, unless
 * she prepared the version alone (four eyes). The same rule as `decisionBlock` in the views.
 */
export async function awaitingDecision(db: Db, decidingRoles: string[]) {
  if (!decidingRoles.length) return [];
  const r = await sql<{ version_id: string; organization_id: string; asset_name: string; decider_id: string }>`
    SELECT DISTINCT v.id AS version_id, v.organization_id, a.name AS asset_name, d.user_id AS decider_id
    FROM classification_versions v
    JOIN assets a ON a.id = v.asset_id
    JOIN units un ON un.id = a.unit_id
    CROSS JOIN LATERAL (VALUES (a.information_owner_id), (a.decision_delegate_id)) AS d(user_id)
    JOIN users u ON u.id = d.user_id AND u.organization_id = v.organization_id AND u.status = 'active'
    WHERE v.status = 'submitted' AND a.information_owner_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = d.user_id AND ra.unit_id = ANY (un.path) AND ra.role = ANY (${sql.val(decidingRoles)}::text[]))
      AND NOT (cardinality(v.contributor_ids) > 0 AND v.contributor_ids <@ array[d.user_id]::uuid[])`.execute(db);
  return r.rows;
}

/**
 * Classified, live assets with reasons to review, to their information owner and steward, split in
 * facts changed after the decision and new integrations (the steward considers a raise). A person is
 * told once per new reason: not again when her last notice of that kind is newer than the newest
 * reason (the notification centre itself only keeps one unread notice per object).
 */
export async function reviewReasons(db: Db) {
  const r = await sql<{ id: string; organization_id: string; name: string; integration: boolean; recipient: string }>`
    SELECT a.id, a.organization_id, a.name, g.integration, p.user_id AS recipient
    FROM assets a
    CROSS JOIN LATERAL (
      SELECT (e.value->>'reason' = 'integration') AS integration,
        max((e.value->>'at')::timestamptz) AS newest
      FROM jsonb_array_elements(a.classification_review_reasons) AS e(value)
      GROUP BY 1) g
    CROSS JOIN LATERAL (SELECT DISTINCT x.user_id FROM (VALUES (a.information_owner_id), (a.system_steward_id)) AS x(user_id) WHERE x.user_id IS NOT NULL) p
    WHERE a.classification_review_reasons IS NOT NULL AND a.current_version_id IS NOT NULL AND a.lifecycle <> 'retired'
      AND NOT EXISTS (SELECT 1 FROM notifications n
        WHERE n.user_id = p.user_id AND n.entity_id = a.id::text AND n.created_at >= g.newest
          AND n.kind = CASE WHEN g.integration THEN 'classification.integration_added' ELSE 'classification.facts_changed' END)`.execute(
    db,
  );
  return r.rows;
}
