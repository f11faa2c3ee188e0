package io.mechanist.store.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import io.mechanist.model.MechanistPackage;
import io.mechanist.model.Store;

/** Loads and atomically saves a store's {@code store.xmi} (XMI, UTF-8). */
public final class StoreFile {

    private StoreFile() {
    }

    private static ResourceSet resourceSet() {
        ResourceSet set = new ResourceSetImpl();
        // Register explicitly: works on a plain classpath and in OSGi alike.
        set.getPackageRegistry().put(MechanistPackage.eNS_URI, MechanistPackage.eINSTANCE);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        return set;
    }

    /** A new empty resource for {@code file} holding {@code store}. */
    public static Resource newResource(Path file, Store store) {
        Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        resource.getContents().add(store);
        return resource;
    }

    /**
     * Loads {@code file}.
     *
     * @throws IOException naming the file if it cannot be read or is not a store
     */
    public static Store load(Path file) throws IOException {
        Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        // Never through a link swapped in after the store was checked (the open fails instead).
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            resource.load(in, Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable Mechanist store file: " + e.getMessage(), e);
        }
        if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof Store store)) {
            throw new IOException(file + " does not contain a Mechanist store (root element " + MechanistPackage.eNS_URI + " Store)");
        }
        return store;
    }

    /** Saves the store's resource atomically to its file. */
    public static void save(Store store, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        store.eResource().save(bytes, Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
        byte[] content = bytes.toByteArray();
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }
}
