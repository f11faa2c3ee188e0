/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Stored Sae</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A sparse autoencoder kept in the store: a copy of an SAELens folder (cfg.json, sae_weights.safetensors, optional sparsity.safetensors and activation_scaler.json) in folder saes/<id>, each file with its size and SHA-256; the hook it reads, its shape, and the store's model it belongs to, if known.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.StoredSae#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getHookName <em>Hook Name</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getSiteId <em>Site Id</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getArchitecture <em>Architecture</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getDIn <em>DIn</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getDSae <em>DSae</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getModelName <em>Model Name</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getAddedFrom <em>Added From</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getModel <em>Model</em>}</li>
 *   <li>{@link io.mechanist.model.StoredSae#getFiles <em>Files</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getStoredSae()
 * @model
 * @generated
 */
public interface StoredSae extends Identified {
	/**
	 * Returns the value of the '<em><b>Folder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Folder</em>' attribute.
	 * @see #setFolder(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_Folder()
	 * @model
	 * @generated
	 */
	String getFolder();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getFolder <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Folder</em>' attribute.
	 * @see #getFolder()
	 * @generated
	 */
	void setFolder(String value);

	/**
	 * Returns the value of the '<em><b>Hook Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Hook Name</em>' attribute.
	 * @see #setHookName(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_HookName()
	 * @model
	 * @generated
	 */
	String getHookName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getHookName <em>Hook Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Hook Name</em>' attribute.
	 * @see #getHookName()
	 * @generated
	 */
	void setHookName(String value);

	/**
	 * Returns the value of the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Site Id</em>' attribute.
	 * @see #setSiteId(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_SiteId()
	 * @model
	 * @generated
	 */
	String getSiteId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getSiteId <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Site Id</em>' attribute.
	 * @see #getSiteId()
	 * @generated
	 */
	void setSiteId(String value);

	/**
	 * Returns the value of the '<em><b>Architecture</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Architecture</em>' attribute.
	 * @see #setArchitecture(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_Architecture()
	 * @model
	 * @generated
	 */
	String getArchitecture();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getArchitecture <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Architecture</em>' attribute.
	 * @see #getArchitecture()
	 * @generated
	 */
	void setArchitecture(String value);

	/**
	 * Returns the value of the '<em><b>DIn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>DIn</em>' attribute.
	 * @see #setDIn(int)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_DIn()
	 * @model
	 * @generated
	 */
	int getDIn();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getDIn <em>DIn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>DIn</em>' attribute.
	 * @see #getDIn()
	 * @generated
	 */
	void setDIn(int value);

	/**
	 * Returns the value of the '<em><b>DSae</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>DSae</em>' attribute.
	 * @see #setDSae(int)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_DSae()
	 * @model
	 * @generated
	 */
	int getDSae();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getDSae <em>DSae</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>DSae</em>' attribute.
	 * @see #getDSae()
	 * @generated
	 */
	void setDSae(int value);

	/**
	 * Returns the value of the '<em><b>Model Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Model Name</em>' attribute.
	 * @see #setModelName(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_ModelName()
	 * @model
	 * @generated
	 */
	String getModelName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getModelName <em>Model Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model Name</em>' attribute.
	 * @see #getModelName()
	 * @generated
	 */
	void setModelName(String value);

	/**
	 * Returns the value of the '<em><b>Added From</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Added From</em>' attribute.
	 * @see #setAddedFrom(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_AddedFrom()
	 * @model
	 * @generated
	 */
	String getAddedFrom();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getAddedFrom <em>Added From</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Added From</em>' attribute.
	 * @see #getAddedFrom()
	 * @generated
	 */
	void setAddedFrom(String value);

	/**
	 * Returns the value of the '<em><b>Model</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Model</em>' reference.
	 * @see #setModel(ModelRef)
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_Model()
	 * @model
	 * @generated
	 */
	ModelRef getModel();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredSae#getModel <em>Model</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model</em>' reference.
	 * @see #getModel()
	 * @generated
	 */
	void setModel(ModelRef value);

	/**
	 * Returns the value of the '<em><b>Files</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.FileDigest}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Files</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStoredSae_Files()
	 * @model containment="true"
	 * @generated
	 */
	EList<FileDigest> getFiles();

} // StoredSae
