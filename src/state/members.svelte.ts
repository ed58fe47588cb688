import { defaultFiberTarget, defaultPortion, householdOf, householdPortions } from '../core/members';
import type { AgeBand, Member, Sex } from '../core/types';
import { changeHousehold, readMemberRows, restoreHousehold } from '../db/members-repository';
import { db } from './database';
import { newId, todayIso } from './ids';
import { live } from './live.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';

/** What the user may change of a member. */
export type MemberChange = Partial<Pick<Member, 'name' | 'portion' | 'fiberTarget' | 'ageBand' | 'sex'>>;

/**
 * The household's members, live from the database (none stored: the
 * `people` setting's adults). Every change is one transaction that also
 * rescales the servings of meals from today on, and can be undone.
 */
export class MembersState {
  #rows = live(
    () => undefined,
    () => readMemberRows(db),
    [] as Member[],
  );

  readonly ready = $derived(this.#rows.ready && settings.ready);
  /** Whether the household's members are stored (else they are the `people` setting's adults, "Person 1" …). */
  readonly stored = $derived(this.#rows.current.length > 0);
  readonly list: Member[] = $derived(householdOf(this.#rows.current, settings.current));
  /** Portions when everyone is at the table: the servings a new meal is planned with. */
  readonly portions = $derived(householdPortions(this.list));

  /** Adds a member (an adult unless told otherwise), named "Person N" when no name is given; returns its id. */
  async add(fields: MemberChange = {}): Promise<string> {
    const ageBand: AgeBand = fields.ageBand ?? '19-50';
    const sex: Sex = fields.sex ?? 'unspecified';
    const order = this.list.reduce((max, member) => Math.max(max, member.order), 0) + 1;
    const member: Member = {
      id: newId('member'),
      name: fields.name?.trim() || `Person ${this.list.length + 1}`,
      portion: fields.portion ?? defaultPortion(ageBand),
      fiberTarget: fields.fiberTarget ?? defaultFiberTarget(ageBand, sex),
      ageBand,
      sex,
      order,
    };
    await this.#change([...this.list, member], `Added ${member.name} to the household`);
    return member.id;
  }

  /**
   * Changes a member. A new age band or sex also resets the portion and
   * fiber target to that band's defaults unless they are given too.
   */
  async update(id: string, change: MemberChange): Promise<void> {
    const current = this.list.find((member) => member.id === id);
    if (!current) return;
    const next: Member = { ...current, ...change, name: (change.name ?? current.name).trim() || current.name };
    if ((change.ageBand && change.ageBand !== current.ageBand) || (change.sex && change.sex !== current.sex)) {
      if (change.fiberTarget === undefined) next.fiberTarget = defaultFiberTarget(next.ageBand, next.sex);
      if (change.ageBand && change.portion === undefined) next.portion = defaultPortion(next.ageBand);
    }
    await this.#change(
      this.list.map((member) => (member.id === id ? next : member)),
      change.name !== undefined && next.name !== current.name ? `Renamed ${current.name} to ${next.name}` : `Changed ${next.name}`,
    );
  }

  /** Removes a member (never the last one); meals that list them lose them. Undo brings them back. */
  async remove(id: string): Promise<void> {
    const gone = this.list.find((member) => member.id === id);
    if (!gone || this.list.length <= 1) return;
    await this.#change(
      this.list.filter((member) => member.id !== id),
      `Removed ${gone.name} from the household`,
    );
  }

  async #change(next: Member[], label: string): Promise<void> {
    const rows = next.map((member) => $state.snapshot(member) as Member);
    const from = todayIso();
    const before = await changeHousehold(db, rows, from);
    undoStack.push(
      label,
      () => restoreHousehold(db, before),
      () => changeHousehold(db, rows, from).then(() => undefined),
    );
  }
}

export const members = new MembersState();
