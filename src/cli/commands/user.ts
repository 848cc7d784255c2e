import type { Command } from 'commander';
import { addAccount, disableAccount, enableAccount, resetPassword } from '../../editor/accounts.js';
import type { Store } from '../../store/store.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { readSecret } from '../read-secret.js';

/** `user add|list|enable|disable|password`: the editors' accounts (the web app's review workflow). */
export function registerUserCommands(program: Command, out: Output): void {
  const withWritableStore = (use: (store: Store) => Promise<void>) => withStore(program, use, { out });
  const user = program.command('user').description('accounts van de redactie (beoordelen in de webapp)');

  user
    .command('add')
    .description('maak een account; het wachtwoord komt van een verborgen prompt of van stdin (de eerste regel)')
    .argument('<name>', 'gebruikersnaam (kleine letters, cijfers, . _ -)')
    .requiredOption('--role <role>', 'editor (beoordeelt) of admin (beoordeelt en beheert accounts)')
    .action(async (name: string, flags: { role: string }) => {
      const password = await readSecret(`wachtwoord voor ${name}: `);
      await withWritableStore(async (store) => {
        const added = await addAccount(store, name, flags.role, password);
        out.stdout(`account ${added.name} (${added.role}) aangemaakt\n`);
      });
    });

  user
    .command('list')
    .description('alle accounts, met rol en of ze uitgeschakeld zijn')
    .option('--json', 'als JSON')
    .action(async (flags: { json?: boolean }) => {
      const users = (await withStore(program, (store) => store.users())).map((u) => ({ name: u.name, role: u.role, createdAt: u.createdAt, disabledAt: u.disabledAt }));
      if (flags.json) return printJson(out, users);
      if (users.length === 0) return out.stdout('nog geen accounts: maak er een met "beloftemeter user add NAAM --role admin"\n');
      for (const u of users) out.stdout(`${u.name}\t${u.role}\t${u.disabledAt ? `uitgeschakeld op ${u.disabledAt.slice(0, 10)}` : 'actief'}\n`);
    });

  user
    .command('enable')
    .description('schakel een uitgeschakeld account weer in')
    .argument('<name>')
    .action(async (name: string) => {
      await withWritableStore(async (store) => {
        await enableAccount(store, name);
        out.stdout(`account ${name} ingeschakeld\n`);
      });
    });

  user
    .command('password')
    .description('geef een account een nieuw wachtwoord (verborgen prompt of stdin); zijn sessies eindigen en een blokkering vervalt')
    .argument('<name>')
    .action(async (name: string) => {
      const password = await readSecret(`nieuw wachtwoord voor ${name}: `);
      await withWritableStore(async (store) => {
        await resetPassword(store, name, password);
        out.stdout(`wachtwoord van ${name} vervangen\n`);
      });
    });

  user
    .command('disable')
    .description('schakel een account uit; zijn sessies eindigen meteen')
    .argument('<name>')
    .action(async (name: string) => {
      await withWritableStore(async (store) => {
        await disableAccount(store, name);
        out.stdout(`account ${name} uitgeschakeld\n`);
      });
    });
}
